using Calltrail.Timeline;

namespace Calltrail.Explaining;

/// <summary>Call-relative times the way a reviewer reads them: <c>1:30</c>, <c>1:02:03</c>, <c>0:45.250</c>.</summary>
public static class CallTime
{
    public static string Format(long ms)
    {
        var time = TimeSpan.FromMilliseconds(ms);
        var text = time.TotalHours >= 1
            ? $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}"
            : $"{time.Minutes}:{time.Seconds:00}";
        return time.Milliseconds == 0 ? text : $"{text}.{time.Milliseconds:000}";
    }

    public static string Format(Span span) => $"{Format(span.StartMs)}–{Format(span.EndMs)}";

    public static string Format(IEnumerable<Span> spans) => string.Join(", ", spans.Select(Format));
}
