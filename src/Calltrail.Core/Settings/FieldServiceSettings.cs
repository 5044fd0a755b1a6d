namespace Calltrail.Settings;

public enum ContinuityDestination
{
    VoiceAgent,
    ExternalNumber,
}

/// <summary>Call Continuity: the outage procedure that bypasses the contact center for a tenant.</summary>
public sealed record Continuity(bool Enabled, ContinuityDestination Destination)
{
    public static Continuity Off { get; } = new(Enabled: false, ContinuityDestination.VoiceAgent);
}

/// <summary>One tenant's field-service settings.</summary>
public sealed record FieldServiceSettings
{
    public RecordingMode Inbound { get; init; } = RecordingMode.Automatically;

    public RecordingMode Outbound { get; init; } = RecordingMode.Automatically;

    /// <summary>Whether the tenant's tracking numbers are answered by the contact center.</summary>
    public bool UsesContactCenter { get; init; } = true;

    public Continuity Continuity { get; init; } = Continuity.Off;

    /// <summary>The contact center's recording reaches this tenant's call records only when both directions are automatic.</summary>
    public bool AcceptsContactCenterRecordings =>
        Inbound == RecordingMode.Automatically && Outbound == RecordingMode.Automatically;

    public static FieldServiceSettings Default { get; } = new();
}
