using System.Diagnostics;

namespace Calltrail.TestKit.Waiting;

/// <summary>
/// Waiting for something a test can observe (a session appearing, a row's status, a packet count, a
/// file) instead of sleeping for a guess: the condition is polled, briefly at first and then every
/// 100 ms, until it holds or a generous deadline passes. The deadline is there only so a broken test
/// fails instead of hanging; a slow machine just waits longer, it never fails because of the wait.
/// </summary>
public static class Eventually
{
    /// <summary>How long a test waits for anything before it fails: far more than a loaded CI machine needs.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> holds; <paramref name="what"/> names it in the failure.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        ValueAsync(condition, held => held, what, within);

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        ValueAsync(condition, held => held, what, within);

    /// <summary>Probes until <paramref name="accept"/> takes what it saw, and returns that.</summary>
    public static Task<T> ValueAsync<T>(Func<T> probe, Func<T, bool> accept, string what, TimeSpan? within = null) =>
        ValueAsync(() => Task.FromResult(probe()), accept, what, within);

    /// <summary>Probes (asynchronously, e.g. over HTTP) until <paramref name="accept"/> takes what it saw, and returns that.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, string what, TimeSpan? within = null)
    {
        var patience = within ?? Patience;
        var clock = Stopwatch.StartNew();
        var poll = FirstPoll;
        while (true)
        {
            var seen = await probe();
            if (accept(seen))
            {
                return seen;
            }

            if (clock.Elapsed > patience)
            {
                throw new TimeoutException($"waited {patience.TotalSeconds:0.#} s for {what}; last seen: {Describe(seen)}");
            }

            await Task.Delay(poll);
            poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));
        }
    }

    private static string Describe<T>(T seen) => seen switch
    {
        null => "nothing",
        System.Collections.ICollection { Count: var count } => $"{count} item(s)",
        _ => seen.ToString() ?? "?",
    };
}
