namespace Calltrail.Recorder.Siprec;

/// <summary>
/// Gathers one participant from its element and from participantstreamassoc elements, which RFC 7865 keeps
/// separate and a partial update may repeat.
/// </summary>
internal sealed class ParticipantBuilder(string id)
{
    public string? Aor { get; set; }

    public string? Name { get; set; }

    public List<string> Sends { get; } = [];

    public List<string> Receives { get; } = [];

    public static void AddDistinct(List<string> into, IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            if (!into.Contains(value))
            {
                into.Add(value);
            }
        }
    }

    public MetadataParticipant Build() => new(id, Aor, Name, Sends, Receives);
}
