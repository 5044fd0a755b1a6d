using Calltrail.Phones;

namespace Calltrail.Calls;

public enum Direction
{
    Inbound,
    Outbound,
}

/// <summary>How the call came in (inbound) or was placed (outbound).</summary>
public enum Via
{
    TrackingNumber,
    DirectLine,
    ClickToCall,
    Keypad,
}

/// <summary>Who took an inbound call in the contact center.</summary>
public enum Handler
{
    Agent,
    VirtualAgent,
    ExternalNumber,
}

public enum TransferTarget
{
    Agent,
    Queue,
    ExternalNumber,
}

/// <summary>A transfer, <paramref name="AtMs"/> milliseconds after connect.</summary>
public readonly record struct Transfer(TransferTarget To, long AtMs);

/// <summary>
/// One call as the decision sees it. All times are milliseconds from connect; nothing here is read
/// from a clock. <see cref="Handler"/> is null when the scenario gave none (an inbound call is then
/// agent-handled); the validator refuses a handler on an outbound call.
/// </summary>
public sealed record Call
{
    public required Direction Direction { get; init; }

    public PhoneNumber? From { get; init; }

    public PhoneNumber? To { get; init; }

    /// <summary>Both parties are employees.</summary>
    public bool Internal { get; init; }

    public required Via Via { get; init; }

    public string? Tenant { get; init; }

    public string? Queue { get; init; }

    /// <summary>The answering (inbound) or placing (outbound) employee.</summary>
    public string? User { get; init; }

    public Handler? Handler { get; init; }

    public Transfer? Transfer { get; init; }

    /// <summary>Connected time.</summary>
    public long DurationMs { get; init; }

    public IReadOnlyList<CallEvent> Events { get; init; } = [];

    public bool IsInbound => Direction == Direction.Inbound;

    /// <summary>The party outside the business: the caller on inbound, the callee on outbound.</summary>
    public PhoneNumber? ExternalParty => IsInbound ? From : To;

    public Handler EffectiveHandler => Handler ?? Calls.Handler.Agent;
}
