using Calltrail.Recorder.Text;

namespace Calltrail.Recorder.Sdp;

/// <summary>Collects the a= lines of one level (session or media) and reads the ones the recorder uses.</summary>
internal sealed class MediaAttributes
{
    public List<SdpAttribute> All { get; } = [];

    public Dictionary<int, SdpRtpMap> RtpMaps { get; } = [];

    public Dictionary<int, string> Fmtps { get; } = [];

    public SdpDirection? Direction { get; private set; }

    public string? Label { get; private set; }

    public int? Ptime { get; private set; }

    public string? Rtcp { get; private set; }

    /// <summary>Adds one a= value; returns what is wrong with it, or null.</summary>
    public string? Add(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? text : text[..colon];
        string? value = colon < 0 ? null : text[(colon + 1)..];
        All.Add(new SdpAttribute(name, value));
        return Read(name.ToLowerInvariant(), value);
    }

    private string? Read(string name, string? value)
    {
        switch (name)
        {
            case "sendrecv": Direction = SdpDirection.SendRecv; break;
            case "sendonly": Direction = SdpDirection.SendOnly; break;
            case "recvonly": Direction = SdpDirection.RecvOnly; break;
            case "inactive": Direction = SdpDirection.Inactive; break;
            case "label": Label = value?.Trim(); break;
            case "rtcp": Rtcp = value?.Trim(); break;
            case "ptime": Ptime = Tokens.TryParseSmallNumber(value?.Trim(), out int ptime) ? ptime : null; break;
            case "rtpmap": return AddRtpMap(value);
            case "fmtp": AddFmtp(value); break;
            default: break;
        }

        return null;
    }

    /// <summary><c>pt encoding/clock[/channels]</c>.</summary>
    private string? AddRtpMap(string? value)
    {
        string[] fields = (value ?? string.Empty).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        string[] encoding = fields.Length == 2 ? fields[1].Trim().Split('/') : [];
        int channels = 1;
        if (encoding.Length is < 2 or > 3
            || !Tokens.TryParseSmallNumber(fields[0], out int payloadType) || payloadType > 127
            || !Tokens.TryParseSmallNumber(encoding[1], out int clock)
            || (encoding.Length == 3 && !Tokens.TryParseSmallNumber(encoding[2], out channels)))
        {
            return $"bad rtpmap '{value}'";
        }

        RtpMaps.TryAdd(payloadType, new SdpRtpMap(payloadType, encoding[0], clock, channels));
        return null;
    }

    /// <summary>Only fmtp lines for RTP payload types matter here; others are kept in <see cref="All"/> only.</summary>
    private void AddFmtp(string? value)
    {
        string[] fields = (value ?? string.Empty).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 2 && Tokens.TryParseSmallNumber(fields[0], out int payloadType))
        {
            Fmtps.TryAdd(payloadType, fields[1].Trim());
        }
    }
}
