using Calltrail.Calls;
using Calltrail.Live;
using Calltrail.Phones;
using Calltrail.Settings;
using Calltrail.Tracking;

namespace Calltrail.Tests.Live;

public class LiveCallFoldTests
{
    private const long T0 = 1_790_000_000_000;
    private static readonly PhoneNumber Customer = PhoneNumber.FromE164("+15550100001");
    private static readonly PhoneNumber Tracking = PhoneNumber.FromE164("+15550142000");

    private static LiveEvent Started(long seq = 1, long at = T0) => new("c", seq, LiveEventType.Started, at)
    {
        Start = new CallStart(Direction.Inbound, Customer, Tracking, Via.TrackingNumber, null, null, null, "sales", false),
    };

    private static LiveEvent E(long seq, LiveEventType type, long atMs, string? employee = null) =>
        new("c", seq, type, T0 + atMs) { Employee = employee };

    [Fact]
    public void Without_the_started_event_nothing_is_decided_yet()
    {
        var live = LiveCallFold.Fold("c", [E(2, LiveEventType.Answered, 5_000, "ana")]);

        var judgement = LiveJudge.Judge(live, OrganizationSettings.Default, new Dictionary<string, Employee>(), "north");

        Assert.Equal(LiveCallStatus.AwaitingStart, judgement.Status);
        Assert.Null(judgement.Verdict);
    }

    [Fact]
    public void Times_are_counted_from_connect_not_from_ringing()
    {
        var live = LiveCallFold.Fold("c",
        [
            Started(), E(2, LiveEventType.Answered, 8_000, "ana"),
            E(3, LiveEventType.PaymentScreenOpened, 20_000), E(4, LiveEventType.PaymentScreenClosed, 30_000),
            E(5, LiveEventType.Ended, 68_000),
        ]);

        var call = live.ToCall("north")!;

        Assert.Equal(60_000, call.DurationMs);
        Assert.Equal([new CallEvent(CallEventType.PaymentScreenOpened, 12_000), new CallEvent(CallEventType.PaymentScreenClosed, 22_000)], call.Events);
        Assert.Equal("ana", call.User);
        Assert.Equal(Handler.Agent, call.Handler);
    }

    [Fact]
    public void An_event_before_connect_counts_from_connect_and_the_dialed_number_is_the_tracking_number()
    {
        var live = LiveCallFold.Fold("c",
        [
            Started(), E(2, LiveEventType.PaymentScreenOpened, 1_000), E(3, LiveEventType.Answered, 4_000, "ana"),
            E(4, LiveEventType.Ended, 10_000),
        ]);

        Assert.Equal(new CallEvent(CallEventType.PaymentScreenOpened, 0), Assert.Single(live.ToCall(null)!.Events));
        Assert.Equal(Tracking, live.Start!.DialedTrackingNumber);
    }

    [Fact]
    public void The_first_connect_decides_the_handler()
    {
        var live = LiveCallFold.Fold("c",
        [
            Started(), E(3, LiveEventType.Answered, 9_000, "ana"), E(2, LiveEventType.HandledByVirtualAgent, 2_000),
        ]);

        Assert.Equal(Handler.VirtualAgent, live.Handler);
        Assert.Equal(T0 + 2_000, live.ConnectedAt);
    }

    [Fact]
    public void An_unanswered_call_has_no_connected_time_and_is_abandoned()
    {
        var live = LiveCallFold.Fold("c", [Started(), E(2, LiveEventType.Ended, 30_000)]);

        var judgement = LiveJudge.Judge(live, OrganizationSettings.Default, new Dictionary<string, Employee>(), "north");

        Assert.Equal(0, judgement.Call!.DurationMs);
        Assert.Equal(CallClassification.Abandoned, judgement.Classification);
        Assert.Equal(AudioState.NotRecording, judgement.AudioNow);
    }

    [Theory]
    [InlineData(59_999, false, null, CallClassification.Excused)]
    [InlineData(60_000, false, null, CallClassification.Unbooked)]
    [InlineData(90_000, false, false, CallClassification.NotALead)]
    [InlineData(30_000, true, false, CallClassification.Booked)]
    public void Classification_comes_from_the_event_times_and_the_field_service_events(long connectedMs, bool booked, bool? isLead, CallClassification expected)
    {
        var events = new List<LiveEvent> { Started(), E(2, LiveEventType.Answered, 1_000, "ana"), E(9, LiveEventType.Ended, 1_000 + connectedMs) };
        if (booked)
        {
            events.Add(E(3, LiveEventType.JobBooked, 2_000));
        }

        if (isLead is { } lead)
        {
            events.Add(new LiveEvent("c", 4, LiveEventType.CallReasonSet, T0 + 2_000) { CallReason = "warranty", IsLead = lead });
        }

        var judgement = LiveJudge.Judge(LiveCallFold.Fold("c", events), OrganizationSettings.Default, new Dictionary<string, Employee>(), "north");

        Assert.Equal(expected, judgement.Classification);
    }

    [Fact]
    public void A_virtual_agent_call_nobody_claims_is_abandoned_and_a_claim_makes_it_a_lead()
    {
        LiveEvent[] events = [Started(), E(2, LiveEventType.HandledByVirtualAgent, 0), E(3, LiveEventType.Ended, 120_000)];
        var none = new Dictionary<string, Employee>();

        var unclaimed = LiveJudge.Judge(LiveCallFold.Fold("c", events), OrganizationSettings.Default, none, "north");
        var claimed = LiveJudge.Judge(LiveCallFold.Fold("c", [.. events, E(4, LiveEventType.Claimed, 5_000, "ana")]), OrganizationSettings.Default, none, "north");

        Assert.Equal(CallClassification.Abandoned, unclaimed.Classification);
        Assert.Equal(CallClassification.Unbooked, claimed.Classification);
    }

    [Fact]
    public void While_the_payment_screen_is_open_on_a_tenant_call_the_recorder_is_paused()
    {
        LiveEvent[] sofar = [Started(), E(2, LiveEventType.Answered, 0, "ana"), E(3, LiveEventType.PaymentScreenOpened, 40_000)];
        var none = new Dictionary<string, Employee>();

        var open = LiveJudge.Judge(LiveCallFold.Fold("c", sofar), OrganizationSettings.Default, none, "north");
        var closed = LiveJudge.Judge(LiveCallFold.Fold("c", [.. sofar, E(4, LiveEventType.PaymentScreenClosed, 70_000)]), OrganizationSettings.Default, none, "north");
        var ended = LiveJudge.Judge(LiveCallFold.Fold("c", [.. sofar, E(5, LiveEventType.Ended, 80_000)]), OrganizationSettings.Default, none, "north");

        Assert.Equal((LiveCallStatus.Live, AudioState.Paused), (open.Status, open.AudioNow));
        Assert.Equal(Calltrail.Decisions.PauseCause.PaymentScreen, open.PauseCauseNow);
        Assert.Equal(AudioState.Recording, closed.AudioNow);
        Assert.Equal((LiveCallStatus.Ended, AudioState.NotRecording), (ended.Status, ended.AudioNow));
    }

    [Fact]
    public void The_timeline_holds_the_whole_call_in_the_events_own_times_and_what_is_in_force_from_the_latest_one()
    {
        LiveEvent[] sofar = [Started(), E(2, LiveEventType.Answered, 0, "ana"), E(3, LiveEventType.PaymentScreenOpened, 40_000)];
        var none = new Dictionary<string, Employee>();

        var open = LiveJudge.Judge(LiveCallFold.Fold("c", sofar), OrganizationSettings.Default, none, "north");
        var closed = LiveJudge.Judge(LiveCallFold.Fold("c", [.. sofar, E(4, LiveEventType.PaymentScreenClosed, 70_000)]), OrganizationSettings.Default, none, "north");
        var ended = LiveJudge.Judge(LiveCallFold.Fold("c", [.. sofar, E(4, LiveEventType.PaymentScreenClosed, 70_000), E(5, LiveEventType.Ended, 80_000)]), OrganizationSettings.Default, none, "north");

        var payment = Calltrail.Decisions.PauseCause.PaymentScreen;
        Assert.Equal<PlanSegment>([new PlanSegment(0, 40_000, AudioState.Recording), new PlanSegment(40_000, PlanSegment.Open, AudioState.Paused, payment)], open.Timeline);
        Assert.Equal<PlanSegment>(
            [new PlanSegment(0, 40_000, AudioState.Recording), new PlanSegment(40_000, 70_000, AudioState.Paused, payment), new PlanSegment(70_000, PlanSegment.Open, AudioState.Recording)],
            closed.Timeline);
        Assert.Equal<PlanSegment>(
            [new PlanSegment(0, 40_000, AudioState.Recording), new PlanSegment(40_000, 70_000, AudioState.Paused, payment),
             new PlanSegment(70_000, 80_000, AudioState.Recording), new PlanSegment(80_000, PlanSegment.Open, AudioState.NotRecording)],
            ended.Timeline);
        Assert.Equal(T0, ended.ConnectedAt);
    }

    [Fact]
    public void Events_the_rules_cannot_judge_make_the_call_invalid_with_the_problem()
    {
        var keypadBySeatless = new LiveEvent("c", 1, LiveEventType.Started, T0)
        {
            Start = new CallStart(Direction.Outbound, Tracking, Customer, Via.Keypad, null, null, "ben", null, false),
        };
        var employees = new Dictionary<string, Employee> { ["ben"] = new(Seat: false) };

        var judgement = LiveJudge.Judge(LiveCallFold.Fold("c", [keypadBySeatless]), OrganizationSettings.Default, employees, null);

        Assert.Equal(LiveCallStatus.Invalid, judgement.Status);
        Assert.Equal("call.via", Assert.Single(judgement.Problems).Field);
    }

    [Theory]
    [InlineData(AudioState.NotRecording, AudioState.Recording, new[] { RecorderAction.Start })]
    [InlineData(AudioState.NotRecording, AudioState.Paused, new[] { RecorderAction.Start, RecorderAction.Pause })]
    [InlineData(AudioState.Recording, AudioState.Paused, new[] { RecorderAction.Pause })]
    [InlineData(AudioState.Paused, AudioState.Recording, new[] { RecorderAction.Resume })]
    [InlineData(AudioState.Paused, AudioState.NotRecording, new[] { RecorderAction.Stop })]
    [InlineData(AudioState.Recording, AudioState.NotRecording, new[] { RecorderAction.Stop })]
    [InlineData(AudioState.Recording, AudioState.Recording, new RecorderAction[0])]
    [InlineData(AudioState.NotRecording, AudioState.NotRecording, new RecorderAction[0])]
    public void Recorder_instructions_follow_the_state_change(AudioState from, AudioState to, RecorderAction[] expected) =>
        Assert.Equal(expected, RecorderActions.Between(from, to));
}
