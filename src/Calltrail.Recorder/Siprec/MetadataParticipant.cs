namespace Calltrail.Recorder.Siprec;

/// <summary>A party to the recorded call, with the ids of the streams it sends and receives.</summary>
public sealed record MetadataParticipant(string Id, string? Aor, string? Name, IReadOnlyList<string> Sends, IReadOnlyList<string> Receives);
