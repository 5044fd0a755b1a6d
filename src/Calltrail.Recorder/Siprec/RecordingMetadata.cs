namespace Calltrail.Recorder.Siprec;

/// <summary>
/// SIPREC recording metadata: RFC 7865 (<c>urn:ietf:params:xml:ns:recording:1</c>) or the older draft format
/// (<c>urn:ietf:params:xml:ns:recording</c>) that many SBCs still send.
/// </summary>
public sealed class RecordingMetadata
{
    public const string Namespace = "urn:ietf:params:xml:ns:recording:1";
    public const string LegacyNamespace = "urn:ietf:params:xml:ns:recording";

    /// <summary>Larger than any real metadata document; bounds the work a hostile one can cause.</summary>
    public const int MaxCharacters = 256 * 1024;

    internal RecordingMetadata(string? dataMode, IReadOnlyList<MetadataSession> sessions, IReadOnlyList<MetadataParticipant> participants, IReadOnlyList<MetadataStream> streams, IReadOnlyList<string> callIdCandidates)
    {
        DataMode = dataMode;
        Sessions = sessions;
        Participants = participants;
        Streams = streams;
        CallIdCandidates = callIdCandidates;
    }

    /// <summary><c>complete</c> or <c>partial</c> when given.</summary>
    public string? DataMode { get; }

    public IReadOnlyList<MetadataSession> Sessions { get; }

    public IReadOnlyList<MetadataParticipant> Participants { get; }

    public IReadOnlyList<MetadataStream> Streams { get; }

    /// <summary>
    /// Values that may be the recorded call's SIP Call-ID, best first, without repeats: vendor elements named
    /// callid, call-id or call_id anywhere; then each sipSessionID whole and, when different, before its <c>;</c>.
    /// </summary>
    public IReadOnlyList<string> CallIdCandidates { get; }

    /// <summary>Never throws: malformed XML, a DTD and oversized documents all come back as errors.</summary>
    public static ParseResult<RecordingMetadata> Parse(ReadOnlyMemory<byte> xml) => MetadataReader.Read(xml.Span);

    /// <summary>The stream with this SDP label and who sends it (to name a recording channel); null when unknown.</summary>
    public LabeledStream? FindLabel(string label)
    {
        MetadataStream? stream = Streams.FirstOrDefault(s => string.Equals(s.Label, label, StringComparison.Ordinal));
        return stream is null ? null : new LabeledStream(stream, Participants.FirstOrDefault(p => p.Sends.Contains(stream.Id)));
    }
}
