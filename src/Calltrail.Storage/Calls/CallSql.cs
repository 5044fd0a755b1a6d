namespace Calltrail.Storage.Calls;

/// <summary>The upserts that keep a call's rows current; <c>ON CONFLICT … DO UPDATE</c> runs on both engines.</summary>
internal static class CallSql
{
    public const string UpsertCall =
        """
        INSERT INTO calls (call_id, settings_version, tenant_id, tracking_number, campaign, campaign_category, campaign_source,
            campaign_medium, resolved, status, path, reasons, recorder_state, announced, plan, problems, updated_at, plan_version)
        VALUES (@CallId, @SettingsVersion, @TenantId, @TrackingNumber, @Campaign, @CampaignCategory, @CampaignSource,
            @CampaignMedium, @Resolved, @Status, @Path, @Reasons, @RecorderState, @Announced, @Plan, @Problems, @UpdatedAt, @PlanVersion)
        ON CONFLICT (call_id) DO UPDATE SET
            tenant_id = excluded.tenant_id, tracking_number = excluded.tracking_number, campaign = excluded.campaign,
            campaign_category = excluded.campaign_category, campaign_source = excluded.campaign_source,
            campaign_medium = excluded.campaign_medium, resolved = excluded.resolved, status = excluded.status,
            path = excluded.path, reasons = excluded.reasons, recorder_state = excluded.recorder_state,
            announced = excluded.announced, plan = excluded.plan, problems = excluded.problems, updated_at = excluded.updated_at,
            plan_version = excluded.plan_version
        """;

    private const string SharedColumns =
        "call_id, started_at, ended_at, status, direction, from_number, to_number, via, tenant_id, tracking_number, campaign, " +
        "employee_id, queue_id, duration_ms, path, recorded, classification, reasons";

    private const string SharedValues =
        "@CallId, @StartedAt, @EndedAt, @Status, @Direction, @FromNumber, @ToNumber, @Via, @TenantId, @TrackingNumber, @Campaign, " +
        "@EmployeeId, @QueueId, @DurationMs, @Path, @Recorded, @Classification, @Reasons";

    private const string SharedUpdates =
        "started_at = excluded.started_at, ended_at = excluded.ended_at, status = excluded.status, direction = excluded.direction, " +
        "from_number = excluded.from_number, to_number = excluded.to_number, via = excluded.via, tenant_id = excluded.tenant_id, " +
        "tracking_number = excluded.tracking_number, campaign = excluded.campaign, employee_id = excluded.employee_id, " +
        "queue_id = excluded.queue_id, duration_ms = excluded.duration_ms, path = excluded.path, recorded = excluded.recorded, " +
        "classification = excluded.classification, reasons = excluded.reasons";

    public const string UpsertContactCenter =
        $"""
        INSERT INTO contact_center_log ({SharedColumns}, setting, announce, auto_pause, spans, paused, unprotected_payment)
        VALUES ({SharedValues}, @Setting, @Announce, @AutoPause, @Spans, @Paused, @UnprotectedPayment)
        ON CONFLICT (call_id) DO UPDATE SET {SharedUpdates}, setting = excluded.setting, announce = excluded.announce,
            auto_pause = excluded.auto_pause, spans = excluded.spans, paused = excluded.paused,
            unprotected_payment = excluded.unprotected_payment
        """;

    public const string UpsertFieldService =
        $"""
        INSERT INTO field_service_log ({SharedColumns}, campaign_category, campaign_source, campaign_medium, recording_source, no_recording_reason)
        VALUES ({SharedValues}, @CampaignCategory, @CampaignSource, @CampaignMedium, @RecordingSource, @NoRecordingReason)
        ON CONFLICT (call_id) DO UPDATE SET {SharedUpdates}, campaign_category = excluded.campaign_category,
            campaign_source = excluded.campaign_source, campaign_medium = excluded.campaign_medium,
            recording_source = excluded.recording_source, no_recording_reason = excluded.no_recording_reason
        """;
}
