using System.Text.Json;
using System.Text.Json.Serialization;
using Calltrail.Scenarios.Writing;

namespace Calltrail.Storage.Calls;

/// <summary>Which system's call log.</summary>
public enum CallLog
{
    ContactCenter,
    FieldService,
}

/// <summary>What every entry says, in either log.</summary>
public abstract record LogEntryView
{
    [JsonPropertyOrder(-1)]
    public required string CallId { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Status { get; init; }

    [JsonPropertyOrder(-1)]
    public required string StartedAt { get; init; }

    [JsonPropertyOrder(-1)]
    public string? EndedAt { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Direction { get; init; }

    [JsonPropertyOrder(-1)]
    public string? From { get; init; }

    [JsonPropertyOrder(-1)]
    public string? To { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Via { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Tenant { get; init; }

    [JsonPropertyOrder(-1)]
    public string? TrackingNumber { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Employee { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Queue { get; init; }

    [JsonPropertyOrder(-1)]
    public long DurationMs { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Path { get; init; }

    [JsonPropertyOrder(-1)]
    public bool Recorded { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Classification { get; init; }

    [JsonPropertyOrder(-1)]
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>
    /// The recorder's recordings of the call: in the contact center's log always, in the field
    /// service's record only when the recording was synced there.
    /// </summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<RecordingLink> Recordings { get; init; } = [];

    /// <summary>
    /// A recording of the call holds audio the verdict does not allow and could not be mended: it is
    /// withheld. Shown on both systems' entries, whether or not the field service's record links it.
    /// </summary>
    [JsonPropertyOrder(-1)]
    public bool RecordingDisagreesWithVerdict { get; init; }
}

/// <summary>A link from a call to one of its recordings; <see cref="AgreesWithVerdict"/> is null until it was checked.</summary>
public sealed record RecordingLink(string Id, string Href, bool? AgreesWithVerdict = null)
{
    public static RecordingLink To(string id, bool? agrees = null) => new(id, $"/api/recordings/{Uri.EscapeDataString(id)}", agrees);
}

/// <summary>The contact center's call log: the setting that decided, the audio kept and what paused it.</summary>
public sealed record ContactCenterEntryView : LogEntryView
{
    public string? Campaign { get; init; }

    public JsonElement? Setting { get; init; }

    public bool Announce { get; init; }

    public bool AutoPause { get; init; }

    public required JsonElement Spans { get; init; }

    public required JsonElement Paused { get; init; }

    public required JsonElement UnprotectedPaymentWindows { get; init; }
}

public sealed record CampaignView(string Name, string? Category, string? Source, string? Medium);

/// <summary>Whether the field-service record has audio: from where, or why not.</summary>
public sealed record RecordingView(bool Present, string? Source, string? MissingBecause);

/// <summary>The field service's call record: tenant, campaign, classification, and the recording or why there is none.</summary>
public sealed record FieldServiceEntryView : LogEntryView
{
    public CampaignView? Campaign { get; init; }

    public required RecordingView Recording { get; init; }
}

/// <summary>Everything the service knows about one call: its decision, the recording plan, and both systems' records.</summary>
public sealed record CallView(
    string CallId,
    string Status,
    string? Tenant,
    long SettingsVersion,
    string? Path,
    IReadOnlyList<string> Reasons,
    StoredPlan? RecordingPlan,
    JsonElement? Problems,
    ContactCenterEntryView? ContactCenter,
    FieldServiceEntryView? FieldService);

/// <summary>One page of a log, newest first; <see cref="Next"/> fetches the page after it.</summary>
public sealed record LogPage<T>(IReadOnlyList<T> Calls, string? Next);

internal static class Views
{
    public static ContactCenterEntryView ContactCenter(LogRow row) => new()
    {
        CallId = row.CallId, Status = row.Status, StartedAt = LiveEventJson.Time(row.StartedAt),
        EndedAt = row.EndedAt is { } end ? LiveEventJson.Time(end) : null, Direction = row.Direction,
        From = row.FromNumber, To = row.ToNumber, Via = row.Via, Tenant = row.TenantId, TrackingNumber = row.TrackingNumber,
        Employee = row.EmployeeId, Queue = row.QueueId, DurationMs = row.DurationMs, Path = row.Path, Recorded = row.Recorded,
        Classification = row.Classification, Reasons = LogEntries.ReasonIdsOf(row.Reasons), Campaign = row.Campaign,
        Setting = row.Setting is null ? null : Json(row.Setting), Announce = row.Announce, AutoPause = row.AutoPause,
        Spans = Json(row.Spans), Paused = Json(row.Paused), UnprotectedPaymentWindows = Json(row.UnprotectedPayment),
    };

    public static FieldServiceEntryView FieldService(LogRow row) => new()
    {
        CallId = row.CallId, Status = row.Status, StartedAt = LiveEventJson.Time(row.StartedAt),
        EndedAt = row.EndedAt is { } end ? LiveEventJson.Time(end) : null, Direction = row.Direction,
        From = row.FromNumber, To = row.ToNumber, Via = row.Via, Tenant = row.TenantId, TrackingNumber = row.TrackingNumber,
        Employee = row.EmployeeId, Queue = row.QueueId, DurationMs = row.DurationMs, Path = row.Path, Recorded = row.Recorded,
        Classification = row.Classification, Reasons = LogEntries.ReasonIdsOf(row.Reasons),
        Campaign = row.Campaign is null ? null : new CampaignView(row.Campaign, row.CampaignCategory, row.CampaignSource, row.CampaignMedium),
        Recording = new RecordingView(row.Recorded, row.RecordingSource, row.NoRecordingReason),
    };

    public static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
