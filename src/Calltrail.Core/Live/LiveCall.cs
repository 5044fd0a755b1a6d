using System.Collections.Immutable;
using Calltrail.Calls;

namespace Calltrail.Live;

/// <summary>
/// A call as its events so far tell it: the fold of every event, in sequence order. Absolute times
/// are Unix ms from the telephony; <see cref="ToCall"/> turns them into the engine's ms-from-connect.
/// </summary>
public sealed record LiveCall
{
    public required string CallId { get; init; }

    /// <summary>Null until the started event has arrived (events may come out of order).</summary>
    public CallStart? Start { get; init; }

    public long? StartedAt { get; init; }

    /// <summary>When someone (an employee, the virtual agent, an external number) took the call.</summary>
    public long? ConnectedAt { get; init; }

    public long? EndedAt { get; init; }

    /// <summary>The latest moment any event speaks of.</summary>
    public long LatestAt { get; init; }

    public Handler? Handler { get; init; }

    /// <summary>The employee who answered (inbound) or placed (outbound) the call.</summary>
    public string? Employee { get; init; }

    public string? Queue { get; init; }

    /// <summary>The first transfer, with its absolute time.</summary>
    public (TransferTarget To, long At)? Transfer { get; init; }

    public ImmutableArray<(CallEventType Type, long At)> Events { get; init; } = [];

    public bool Claimed { get; init; }

    public bool JobBooked { get; init; }

    public string? CallReason { get; init; }

    public bool? ReasonIsLead { get; init; }

    public bool IsEnded => EndedAt is not null;

    public bool IsConnected => ConnectedAt is not null;

    /// <summary>Connected time: to the end, or for a call still going, to the latest event.</summary>
    public long ConnectedMs => ConnectedAt is { } connect ? Math.Max(0, (EndedAt ?? LatestAt) - connect) : 0;

    /// <summary>
    /// The call in the engine's terms, with every time measured from connect and clamped into the
    /// connected stretch (a payment screen opened while ringing counts from connect). Null until
    /// the started event is known. <paramref name="horizonMs"/> extends a live call past its latest
    /// event so that what is in force at that moment (an open payment window) shows.
    /// </summary>
    public Call? ToCall(string? tenant, long horizonMs = 0)
    {
        if (Start is not { } start)
        {
            return null;
        }

        var duration = ConnectedMs + (IsEnded ? 0 : horizonMs);
        var connect = ConnectedAt ?? LatestAt;
        long Relative(long at) => Math.Clamp(at - connect, 0, duration);
        var inbound = start.Direction == Direction.Inbound;

        return new Call
        {
            Direction = start.Direction,
            From = start.From,
            To = start.To,
            Internal = start.Internal,
            Via = start.Via,
            Tenant = tenant,
            Queue = Queue ?? start.Queue,
            User = Employee ?? start.Employee,
            // Only an inbound call has a handler; an outbound call's events about one are ignored.
            Handler = inbound ? Handler : null,
            Transfer = inbound && Transfer is { } t ? new Transfer(t.To, Relative(t.At)) : null,
            DurationMs = duration,
            Events = IsConnected ? [.. Events.Select(e => new CallEvent(e.Type, Relative(e.At)))] : [],
        };
    }
}
