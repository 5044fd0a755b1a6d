namespace Calltrail.Storage.Calls;

/// <summary>A row of <c>calls</c>: what was fixed when the call began, and the service's decision.</summary>
internal sealed class CallRow
{
    public string CallId { get; set; } = "";

    public long SettingsVersion { get; set; }

    public string? TenantId { get; set; }

    public string? TrackingNumber { get; set; }

    public string? Campaign { get; set; }

    public string? CampaignCategory { get; set; }

    public string? CampaignSource { get; set; }

    public string? CampaignMedium { get; set; }

    /// <summary>The tenant and campaign have been worked out (needs the started event).</summary>
    public bool Resolved { get; set; }

    public string Status { get; set; } = "";

    public string? Path { get; set; }

    public string? Reasons { get; set; }

    public string RecorderState { get; set; } = "";

    public bool Announced { get; set; }

    public string? Plan { get; set; }

    public string? Problems { get; set; }

    public long UpdatedAt { get; set; }

    /// <summary>Goes up by one with every committed re-judging: which of two notices about the call is newer.</summary>
    public long PlanVersion { get; set; }
}

/// <summary>One entry in either call log (the columns both share, plus each log's own).</summary>
internal sealed class LogRow
{
    public string CallId { get; set; } = "";

    public long StartedAt { get; set; }

    public long? EndedAt { get; set; }

    public string Status { get; set; } = "";

    public string Direction { get; set; } = "";

    public string? FromNumber { get; set; }

    public string? ToNumber { get; set; }

    public string Via { get; set; } = "";

    public string? TenantId { get; set; }

    public string? TrackingNumber { get; set; }

    public string? Campaign { get; set; }

    public string? EmployeeId { get; set; }

    public string? QueueId { get; set; }

    public long DurationMs { get; set; }

    public string Path { get; set; } = "";

    public bool Recorded { get; set; }

    public string? Classification { get; set; }

    public string Reasons { get; set; } = "";

    // Contact center log only.
    public string? Setting { get; set; }

    public bool Announce { get; set; }

    public bool AutoPause { get; set; }

    public string Spans { get; set; } = "[]";

    public string Paused { get; set; } = "[]";

    public string UnprotectedPayment { get; set; } = "[]";

    // Field-service log only.
    public string? CampaignCategory { get; set; }

    public string? CampaignSource { get; set; }

    public string? CampaignMedium { get; set; }

    public string? RecordingSource { get; set; }

    public string? NoRecordingReason { get; set; }
}
