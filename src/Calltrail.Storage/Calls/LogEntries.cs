using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Settings;

namespace Calltrail.Storage.Calls;

/// <summary>Writes each system's record of a judged call, as the verdict says it should exist.</summary>
internal static class LogEntries
{
    public static LogRow Shared(LiveCall live, Judgement judgement, CallRow meta)
    {
        var call = judgement.Call!;
        var verdict = judgement.Verdict!;
        return new LogRow
        {
            CallId = live.CallId,
            StartedAt = live.StartedAt ?? live.LatestAt,
            EndedAt = live.EndedAt,
            Status = ServiceNames.Statuses.NameOf(judgement.Status),
            Direction = ContractNames.Directions.NameOf(call.Direction),
            FromNumber = call.From?.E164,
            ToNumber = call.To?.E164,
            Via = ContractNames.Vias.NameOf(call.Via),
            TenantId = meta.TenantId,
            TrackingNumber = meta.TrackingNumber,
            Campaign = meta.Campaign,
            EmployeeId = call.User,
            QueueId = call.Queue,
            DurationMs = call.DurationMs,
            Path = verdict.Path.Id(),
            Classification = judgement.Classification is { } c ? ServiceNames.Classifications.NameOf(c) : null,
            Reasons = ReasonList(verdict.Reasons),
        };
    }

    public static LogRow ContactCenter(LogRow shared, Verdict verdict)
    {
        shared.Recorded = verdict.Recorded.ContactCenter;
        shared.Setting = verdict.Setting is { } s ? SettingJson(s) : null;
        shared.Announce = verdict.Announce;
        shared.AutoPause = verdict.AutoPause;
        shared.Spans = StoredPlan.SpansJson(verdict.Spans);
        shared.Paused = StoredPlan.PausedJson(verdict.Paused);
        shared.UnprotectedPayment = StoredPlan.SpansJson(verdict.UnprotectedPaymentWindows);
        return shared;
    }

    public static LogRow FieldService(LogRow shared, Verdict verdict, CallRow meta)
    {
        shared.Recorded = verdict.Recorded.FieldService;
        shared.CampaignCategory = meta.CampaignCategory;
        shared.CampaignSource = meta.CampaignSource;
        shared.CampaignMedium = meta.CampaignMedium;
        shared.RecordingSource = FieldServiceRecording.Source(verdict) is { } source ? FieldServiceRecording.Sources.NameOf(source) : null;
        shared.NoRecordingReason = FieldServiceRecording.Missing(verdict) is { } why ? FieldServiceRecording.Reasons.NameOf(why) : null;
        return shared;
    }

    /// <summary>Reason ids separated by spaces, in the rule book's order.</summary>
    public static string ReasonList(ReasonSet reasons) => string.Join(' ', reasons.Select(r => r.Id()));

    public static IReadOnlyList<string> ReasonIdsOf(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string SettingJson(AppliedSetting setting) => JsonSerializer.Serialize(new
    {
        scope = setting.Target.Scope switch
        {
            SettingScope.Queue => "queue",
            SettingScope.UserInbound => "employee-inbound",
            SettingScope.UserOutbound => "employee-outbound",
            SettingScope.FieldServiceInbound => "tenant-inbound",
            _ => "tenant-outbound",
        },
        subject = setting.Target.Subject,
        mode = ContractNames.RecordingModes.NameOf(setting.Mode),
        source = setting.Source == SettingSource.Custom ? "custom" : "inherited",
    });
}
