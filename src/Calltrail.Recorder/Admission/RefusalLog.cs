using System.Net;

namespace Calltrail.Recorder.Admission;

/// <summary>
/// Decides which refusals are written to the log: the first from each source in each minute, with a count
/// of those left out since. A flood (from many spoofed UDP sources too) cannot fill the disk: the sources
/// remembered are bounded, and past that bound only one line a minute says how many went unlogged.
/// </summary>
public sealed class RefusalLog(TimeProvider time, int maxSources = 4096)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<UInt128, Seen> seen = [];
    private readonly Lock gate = new();
    private Seen overflow;

    /// <summary>Whether to log this refusal now, and how many from the same source (or, past the bound, from anywhere) were not logged before it.</summary>
    public bool ShouldLog(IPAddress source, out long unlogged) => ShouldLog(SourceAddress.Of(source), out unlogged);

    /// <inheritdoc cref="ShouldLog(IPAddress, out long)"/>
    /// <param name="source">The source as <see cref="SourceAddress"/> writes it (no allocation: RTP from strangers comes here per packet).</param>
    /// <param name="unlogged">How many were not logged before this one.</param>
    public bool ShouldLog(UInt128 source, out long unlogged)
    {
        var now = time.GetTimestamp();
        lock (gate)
        {
            if (!seen.TryGetValue(source, out var last) && seen.Count >= maxSources)
            {
                Forget(now);
                if (seen.Count >= maxSources)
                {
                    return Count(ref overflow, now, out unlogged);
                }
            }

            var logged = Count(ref last, now, out unlogged);
            seen[source] = last;
            return logged;
        }
    }

    private bool Count(ref Seen entry, long now, out long unlogged)
    {
        if (entry.LoggedAt is { } at && time.GetElapsedTime(at, now) < Window)
        {
            entry = entry with { Unlogged = entry.Unlogged + 1 };
            unlogged = 0;
            return false;
        }

        unlogged = entry.Unlogged;
        entry = new Seen(now, 0);
        return true;
    }

    private void Forget(long now)
    {
        foreach (var source in seen.Where(e => e.Value.LoggedAt is not { } at || time.GetElapsedTime(at, now) >= Window).Select(e => e.Key).ToList())
        {
            seen.Remove(source);
        }
    }

    private record struct Seen(long? LoggedAt, long Unlogged);
}
