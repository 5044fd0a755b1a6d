using System.Collections.Immutable;
using Calltrail.Calls;
using Calltrail.Settings;
using Calltrail.Timeline;

namespace Calltrail.Decisions;

/// <summary>
/// behavior.md, "Transfers": what happens to the recording at the moment an inbound call is transferred.
/// The rule book scopes transfers to inbound calls answered in the contact center; a transfer on an
/// outbound call leaves the recording as it was (docs/recording-behavior.md).
/// </summary>
internal static class Transfers
{
    public static (ImmutableArray<Span> Recording, ReasonSet Reasons) Apply(
        ImmutableArray<Span> recording, Call call, ContactCenterSettings cc, ReasonSet reasons)
    {
        if (call.Transfer is not { } transfer || !call.IsInbound)
        {
            return (recording, reasons);
        }

        if (transfer.To == TransferTarget.ExternalNumber)
        {
            // Now a forwarded call: recorded to the end whatever it was doing before, excluded caller or not.
            var forced = new Span(transfer.AtMs, call.DurationMs);
            return forced.IsEmpty
                ? (recording, reasons)
                : (SpanMath.Union(recording, forced), reasons.With(Reason.ExternalForwardAlwaysRecorded));
        }

        // A plain loop, not Any(lambda): the lambda would capture transfer and allocate a closure on every call.
        if (!SpanMath.AnyContains(recording.AsSpan(), transfer.AtMs))
        {
            return (recording, reasons);
        }

        return cc.RecordAfterTransfer
            ? (recording, reasons.With(Reason.TransferContinuesRecording))
            : (SpanMath.Before(recording, transfer.AtMs), reasons.With(Reason.TransferStopsRecording));
    }
}
