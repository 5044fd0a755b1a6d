namespace Calltrail.Recorder.Siprec;

/// <summary>A media stream; <see cref="Label"/> matches an SDP a=label of the recording session (RFC 7866 §8.1.8).</summary>
public sealed record MetadataStream(string Id, string? Label, string? SessionId);
