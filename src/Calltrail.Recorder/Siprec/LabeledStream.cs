namespace Calltrail.Recorder.Siprec;

/// <summary>The stream an SDP label names and the participant sending it, when the metadata says.</summary>
public sealed record LabeledStream(MetadataStream Stream, MetadataParticipant? Sender);
