using Calltrail.Scenarios.Reading;

namespace Calltrail.Scenarios.Tests.Reading;

/// <summary>The checks a received body and its events pass before any reader or store sees them (issue 10).</summary>
public sealed class ReceivedTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("{\"a\": \"\\ud800\"}", "a")]
    [InlineData("{\"a\": [1, {\"b\": \"x\\udfffy\"}]}", "a[1].b")]
    [InlineData("[{\"callId\": \"ok\"}, {\"callId\": \"\\ud83d\"}]", "[1].callId")]
    [InlineData("{\"\\ud800\": 1}", "(body)")]
    [InlineData("\"\\udc00\"", "(body)")]
    [InlineData("{\"a\": ", "(body)")]
    [InlineData("", "(body)")]
    public void Problem_NamesTheFieldOfTheFirstProblem(string json, string field)
    {
        Assert.Equal(field, JsonText.Problem(System.Text.Encoding.UTF8.GetBytes(json))?.Field);
    }

    [Theory]
    [InlineData("{\"a\": \"\\ud83d\\ude00\"}")]
    [InlineData("{\"a\": \"caf\u00e9\", /* a comment */ \"b\": [1, 2,],}")]
    public void Problem_IsNoneForGoodText(string json)
    {
        Assert.Null(JsonText.Problem(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Problem_FindsInvalidUtf8AndSaysWhere()
    {
        byte[] bytes = [.. "{\"a\": \""u8, 0xC3, 0x28, .. "\"}"u8];
        Assert.Contains("offset 7", JsonText.Problem(bytes)?.Message);
    }

    [Fact]
    public void Problem_RefusesNestingDeeperThanTheLimit()
    {
        var deep = new string('[', JsonText.MaxDepth + 1) + new string(']', JsonText.MaxDepth + 1);
        Assert.Equal("(body)", JsonText.Problem(System.Text.Encoding.UTF8.GetBytes(deep))?.Field);
    }

    [Theory]
    [InlineData(946_684_799_999L, false)]
    [InlineData(946_684_800_000L, true)]
    [InlineData(1_790_000_000_000L, true)]
    [InlineData(1_790_000_000L, false)]
    [InlineData(1_790_000_000_000_000L, false)]
    public void EventTimes_KeepsTheYearsFrom2000(long atMs, bool taken)
    {
        Assert.Equal(taken, EventTimes.Problem(atMs, Now) is null);
    }

    [Fact]
    public void EventTimes_Ends2200EvenForAServerClockBeyondIt()
    {
        var farFuture = new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Null(EventTimes.Problem(EventTimes.Latest.ToUnixTimeMilliseconds() - 1, farFuture));
        Assert.NotNull(EventTimes.Problem(EventTimes.Latest.ToUnixTimeMilliseconds(), farFuture));
    }

    [Fact]
    public void EventTimes_AllowsADayAheadOfTheServerClockAndNoMore()
    {
        var dayAhead = (Now + EventTimes.MaxAhead).ToUnixTimeMilliseconds();
        Assert.Null(EventTimes.Problem(dayAhead, Now));
        Assert.NotNull(EventTimes.Problem(dayAhead + 1, Now));
    }

    [Theory]
    [InlineData("c1", true)]
    [InlineData("3f2b9c1e@pbx.example.com;tag=7", true)]
    [InlineData("Anruf-\u00e4\u00f6\u00fc", true)]
    [InlineData(" ", false)]
    [InlineData("a b", false)]
    [InlineData("a\0b", false)]
    [InlineData("a\tb", false)]
    [InlineData("..", false)]
    [InlineData(".", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("\u200bc1", false)]
    [InlineData("\u2028", false)]
    public void CallIds_ArePrintableOneSegmentIds(string id, bool taken)
    {
        Assert.Equal(taken, CallIds.Problem(id) is null);
    }

    [Fact]
    public void CallIds_AreAtMost128Characters()
    {
        Assert.Null(CallIds.Problem(new string('x', CallIds.MaxLength)));
        Assert.NotNull(CallIds.Problem(new string('x', CallIds.MaxLength + 1)));
    }
}
