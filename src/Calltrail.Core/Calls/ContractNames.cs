using Calltrail.Settings;

namespace Calltrail.Calls;

/// <summary>The kebab-case names the contract gives an enum's values, in the contract's order.</summary>
public sealed class Choices<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] pairs;

    public Choices(params (string Name, T Value)[] pairs) => this.pairs = pairs;

    public string List => string.Join(", ", pairs.Select(p => p.Name));

    public bool TryGet(string name, out T value)
    {
        foreach (var pair in pairs)
        {
            if (pair.Name == name)
            {
                value = pair.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string NameOf(T value)
    {
        foreach (var pair in pairs)
        {
            if (EqualityComparer<T>.Default.Equals(pair.Value, value))
            {
                return pair.Name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }
}

/// <summary>Every enum of the scenario contract, named once for the reader, the validator and the explanations.</summary>
public static class ContractNames
{
    public static readonly Choices<Direction> Directions = new(
        ("inbound", Direction.Inbound), ("outbound", Direction.Outbound));

    public static readonly Choices<Via> Vias = new(
        ("tracking-number", Via.TrackingNumber), ("direct-line", Via.DirectLine),
        ("click-to-call", Via.ClickToCall), ("keypad", Via.Keypad));

    public static readonly Choices<Handler> Handlers = new(
        ("agent", Handler.Agent), ("virtual-agent", Handler.VirtualAgent), ("external-number", Handler.ExternalNumber));

    public static readonly Choices<TransferTarget> TransferTargets = new(
        ("agent", TransferTarget.Agent), ("queue", TransferTarget.Queue), ("external-number", TransferTarget.ExternalNumber));

    public static readonly Choices<CallEventType> EventTypes = new(
        ("payment-screen-opened", CallEventType.PaymentScreenOpened), ("payment-screen-closed", CallEventType.PaymentScreenClosed),
        ("record-requested", CallEventType.RecordRequested), ("pause-requested", CallEventType.PauseRequested),
        ("resume-requested", CallEventType.ResumeRequested));

    public static readonly Choices<RecordingMode> RecordingModes = new(
        ("automatically", RecordingMode.Automatically), ("on-demand", RecordingMode.OnDemand), ("never", RecordingMode.Never));

    public static readonly Choices<ContinuityDestination> ContinuityDestinations = new(
        ("voice-agent", ContinuityDestination.VoiceAgent), ("external-number", ContinuityDestination.ExternalNumber));
}
