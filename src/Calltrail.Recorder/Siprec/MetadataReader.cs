using System.Xml;
using System.Xml.Linq;
using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Siprec;

/// <summary>
/// Reads metadata XML safely (no DTD, no external resolution, bounded size) and picks the SIPREC elements by local
/// name in either namespace, so both the RFC and the draft format give the same model.
/// </summary>
internal static class MetadataReader
{
    private static readonly string[] CallIdNames = ["callid", "call-id", "call_id"];

    public static ParseResult<RecordingMetadata> Read(ReadOnlySpan<byte> xml)
    {
        string text = Tokens.Utf8(xml).TrimStart('\uFEFF');
        if (text.Length > RecordingMetadata.MaxCharacters)
        {
            return ParseResult<RecordingMetadata>.Fail($"metadata larger than {RecordingMetadata.MaxCharacters} characters");
        }

        XDocument? document = Load(text, out string? error);
        if (document?.Root is not XElement root)
        {
            return ParseResult<RecordingMetadata>.Fail(error ?? "no root element");
        }

        return IsCore(root, "recording")
            ? ParseResult<RecordingMetadata>.Ok(Build(root))
            : ParseResult<RecordingMetadata>.Fail($"root element is '{root.Name}', not a SIPREC recording");
    }

    /// <summary>
    /// XmlException is the one way System.Xml reports bad input (malformed text, a DTD, the size limit), so it is
    /// caught here and nowhere else.
    /// </summary>
    private static XDocument? Load(string text, out string? error)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = RecordingMetadata.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            error = null;
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            error = $"bad XML: {e.Message}";
            return null;
        }
    }

    private static RecordingMetadata Build(XElement root)
    {
        List<MetadataSession> sessions = [.. Children(root, "session").Select(ReadSession)];
        List<MetadataStream> streams = [.. Children(root, "stream").Select(ReadStream)];
        return new RecordingMetadata(
            Children(root, "datamode").Select(Text).FirstOrDefault(),
            sessions,
            ReadParticipants(root),
            streams,
            CallIds(root, sessions));
    }

    private static MetadataSession ReadSession(XElement session)
    {
        List<KeyValuePair<string, string>> extensions = [.. Children(session, "extensiondata")
            .SelectMany(e => e.Descendants())
            .Where(e => !e.HasElements)
            .Select(e => KeyValuePair.Create(e.Name.LocalName, Text(e) ?? string.Empty))];
        List<string> sipSessionIds = [.. Children(session, "sipSessionID").Select(Text).OfType<string>()];
        return new MetadataSession(Id(session, "session_id"), sipSessionIds, extensions);
    }

    private static MetadataStream ReadStream(XElement stream) =>
        new(Id(stream, "stream_id"), Children(stream, "label").Select(Text).FirstOrDefault(), Attribute(stream, "session_id") ?? Attribute(stream, "session"));

    private static List<MetadataParticipant> ReadParticipants(XElement root)
    {
        var byId = new Dictionary<string, ParticipantBuilder>(StringComparer.Ordinal);
        var order = new List<ParticipantBuilder>();
        ParticipantBuilder Get(string id)
        {
            if (!byId.TryGetValue(id, out ParticipantBuilder? builder))
            {
                builder = byId[id] = new ParticipantBuilder(id);
                order.Add(builder);
            }

            return builder;
        }

        foreach (XElement element in root.Elements().Where(e => IsCore(e, "participant") || IsCore(e, "participantstreamassoc")))
        {
            ParticipantBuilder participant = Get(Id(element, "participant_id"));
            ReadNames(element, participant);
            ParticipantBuilder.AddDistinct(participant.Sends, Children(element, "send").Select(Text).OfType<string>());
            ParticipantBuilder.AddDistinct(participant.Receives, Children(element, "recv").Select(Text).OfType<string>());
        }

        return [.. order.Select(p => p.Build())];
    }

    /// <summary>RFC 7865 puts the AOR on nameID and the name inside it; the draft format used aor and name children.</summary>
    private static void ReadNames(XElement element, ParticipantBuilder participant)
    {
        XElement? nameId = Children(element, "nameID").FirstOrDefault();
        participant.Aor ??= (nameId is null ? null : Attribute(nameId, "aor")) ?? Children(element, "aor").Select(Text).FirstOrDefault();
        participant.Name ??= (nameId is null ? null : Children(nameId, "name").Select(Text).FirstOrDefault())
            ?? Children(element, "name").Select(Text).FirstOrDefault();
    }

    private static List<string> CallIds(XElement root, List<MetadataSession> sessions)
    {
        IEnumerable<string?> vendor = root.DescendantsAndSelf()
            .Where(e => CallIdNames.Contains(e.Name.LocalName, StringComparer.OrdinalIgnoreCase))
            .Select(Text);
        IEnumerable<string?> sessionIds = sessions.SelectMany(s => s.SipSessionIds)
            .SelectMany(id => new[] { id, id.Split(';')[0].Trim() });
        return [.. vendor.Concat(sessionIds).OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static bool IsCore(XElement element, string localName) =>
        string.Equals(element.Name.LocalName, localName, StringComparison.OrdinalIgnoreCase)
        && element.Name.NamespaceName is "" or RecordingMetadata.Namespace or RecordingMetadata.LegacyNamespace;

    private static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => IsCore(e, localName));

    /// <summary>RFC 7865 names ids per element (session_id, stream_id…); the draft format used plain id.</summary>
    private static string Id(XElement element, string rfcName) =>
        Attribute(element, rfcName) ?? Attribute(element, "id") ?? string.Empty;

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value.Trim();

    /// <summary>Only the element's own text: reading nested text would walk a hostile document's full depth.</summary>
    private static string? Text(XElement element)
    {
        string text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        return text.Length == 0 ? null : text;
    }
}
