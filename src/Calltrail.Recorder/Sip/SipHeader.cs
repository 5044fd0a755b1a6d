namespace Calltrail.Recorder.Sip;

/// <summary>One header line as received (unfolded, name in its full form, value trimmed).</summary>
public sealed record SipHeader(string Name, string Value);
