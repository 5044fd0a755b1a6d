using Calltrail.Calls;
using Calltrail.Tracking;
using static Calltrail.Tracking.CallClassification;

namespace Calltrail.Tests.Tracking;

public class ClassificationTests
{
    [Theory]
    [InlineData(false, false, 0, false, null, Abandoned)]
    [InlineData(true, false, 300_000, false, null, Abandoned)] // answered but nobody claimed it
    [InlineData(false, true, 0, true, true, Abandoned)]
    [InlineData(true, true, 59_999, false, null, Excused)]
    [InlineData(true, true, 0, false, false, Excused)]
    [InlineData(true, true, 60_000, false, null, Unbooked)] // exactly 60 s is a lead
    [InlineData(true, true, 60_000, false, true, Unbooked)]
    [InlineData(true, true, 61_000, false, false, NotALead)]
    [InlineData(true, true, 61_000, true, false, Booked)]
    [InlineData(true, true, 20_000, true, null, Booked)] // a booking is a booking, however short
    public void Classify_InboundCall(bool answered, bool claimed, long connectedMs, bool jobBooked, bool? reasonIsLead, CallClassification expected) =>
        Assert.Equal(expected, Classification.Classify(new CallOutcome(Direction.Inbound, answered, claimed, connectedMs, jobBooked, reasonIsLead)));

    [Theory]
    [InlineData(true, true, 300_000, true, true)]
    [InlineData(false, false, 0, false, null)]
    public void Classify_OutboundCall_IsNeverClassified(bool answered, bool claimed, long connectedMs, bool jobBooked, bool? reasonIsLead) =>
        Assert.Null(Classification.Classify(new CallOutcome(Direction.Outbound, answered, claimed, connectedMs, jobBooked, reasonIsLead)));
}
