namespace Calltrail.Scenarios.Reading;

/// <summary>
/// When a received call event may say it happened. A time outside this window is a mistake at the
/// sender (seconds or microseconds sent as milliseconds, a clock reset to 1970) and would sit at the top
/// or bottom of every newest-first log for ever, so it is refused rather than stored.
/// </summary>
public static class EventTimes
{
    /// <summary>2000-01-01T00:00:00Z: no call Calltrail hears of happened earlier.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>2200-01-01T00:00:00Z: later than any clock that is merely fast.</summary>
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far ahead of the server's clock an event may be: telephony clocks drift, but not by days.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);

    /// <summary>Why <paramref name="atMs"/> (Unix milliseconds) is refused when received at <paramref name="now"/>; null if it is not.</summary>
    public static string? Problem(long atMs, DateTimeOffset now)
    {
        var window = $"between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}, and at most {MaxAhead.TotalHours:0} hours after the server's clock";
        if (atMs < Earliest.ToUnixTimeMilliseconds() || atMs >= Latest.ToUnixTimeMilliseconds())
        {
            return $"must be {window}; got {atMs} ms, which is not (seconds or microseconds sent as milliseconds?)";
        }

        var latest = now + MaxAhead;
        return atMs > latest.ToUnixTimeMilliseconds()
            ? $"must be {window}; got {DateTimeOffset.FromUnixTimeMilliseconds(atMs):O}, later than {latest:O}"
            : null;
    }
}
