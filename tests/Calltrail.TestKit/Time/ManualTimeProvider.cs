namespace Calltrail.TestKit.Time;

/// <summary>
/// A clock that moves only when told to (<see cref="Advance"/>): timestamps and the wall clock move
/// together, so elapsed times computed either way agree. Timers are not faked; code under test that
/// needs them should get <see cref="TimeProvider.System"/>.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private long ticks;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTimeOffset Start { get; } = start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (gate)
        {
            return ticks;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return Start.AddTicks(ticks);
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (gate)
        {
            ticks += by.Ticks;
        }
    }

    public void AdvanceMs(double milliseconds) => Advance(TimeSpan.FromMilliseconds(milliseconds));
}
