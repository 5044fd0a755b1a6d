namespace Calltrail.Recorder.Fuzz;

/// <summary>
/// Each target feeds bytes to a parser and says whether the input was accepted (true) or refused with an error
/// value (false). Any exception escaping is a bug: the fuzzer reports it as a crash.
/// </summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Func<byte[], bool>> All = new Dictionary<string, Func<byte[], bool>>(StringComparer.Ordinal)
    {
        ["sip"] = SignalingTargets.Sip,
        ["sdp"] = SignalingTargets.Sdp,
        ["multipart"] = SignalingTargets.Multipart,
        ["metadata"] = SignalingTargets.Metadata,
        ["siprec-invite"] = SignalingTargets.SiprecInvite,
        ["rtp"] = MediaTargets.Rtp,
        ["scenario"] = ContractTargets.Scenario,
        ["live-events"] = ContractTargets.LiveEvents,
    };
}
