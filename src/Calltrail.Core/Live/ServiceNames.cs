using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Tracking;

namespace Calltrail.Live;

/// <summary>The kebab-case names the service's API and stored records give its enums.</summary>
public static class ServiceNames
{
    public static readonly Choices<LiveCallStatus> Statuses = new(
        ("awaiting-start", LiveCallStatus.AwaitingStart), ("live", LiveCallStatus.Live),
        ("ended", LiveCallStatus.Ended), ("invalid", LiveCallStatus.Invalid));

    public static readonly Choices<AudioState> AudioStates = new(
        ("not-recording", AudioState.NotRecording), ("recording", AudioState.Recording), ("paused", AudioState.Paused));

    public static readonly Choices<RecorderAction> RecorderActions = new(
        ("start", RecorderAction.Start), ("pause", RecorderAction.Pause),
        ("resume", RecorderAction.Resume), ("stop", RecorderAction.Stop));

    public static readonly Choices<PauseCause> PauseCauses = new(
        ("payment-screen", PauseCause.PaymentScreen), ("person", PauseCause.Person));

    public static readonly Choices<CallClassification> Classifications = new(
        ("abandoned", CallClassification.Abandoned), ("excused", CallClassification.Excused),
        ("unbooked", CallClassification.Unbooked), ("booked", CallClassification.Booked),
        ("not-a-lead", CallClassification.NotALead));
}
