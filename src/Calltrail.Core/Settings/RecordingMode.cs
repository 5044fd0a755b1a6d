namespace Calltrail.Settings;

/// <summary>
/// Whether a call is recorded. The field-service platform uses all three values; a contact-center
/// on/off setting is <see cref="Automatically"/> or <see cref="Never"/>.
/// </summary>
public enum RecordingMode
{
    /// <summary>Records from the start of the call.</summary>
    Automatically,

    /// <summary>Records from the first time a person presses record.</summary>
    OnDemand,

    /// <summary>Records nothing.</summary>
    Never,
}
