using System.Collections.Immutable;
using Calltrail.Calls;
using Calltrail.Settings;
using Calltrail.Timeline;

namespace Calltrail.Decisions;

/// <summary>behavior.md, "Contact-center path": the base decision, transfers, pauses, logging, sync and the announcement.</summary>
internal static class ContactCenterPath
{
    public static Verdict Decide(Scenario scenario)
    {
        var call = scenario.Call;
        var cc = scenario.Settings.ContactCenter;
        var (record, setting, reasons) = BaseDecision(scenario);

        ImmutableArray<Span> recording = record && call.DurationMs > 0 ? [new Span(0, call.DurationMs)] : [];
        (recording, reasons) = Transfers.Apply(recording, call, cc, reasons);

        var tenant = call.Tenant;
        var paused = Pausing.Apply(recording, call, tenantLinked: tenant is not null, cc.StrictPaymentPause, reasons);
        reasons = paused.Reasons;
        var recorded = !paused.Spans.IsEmpty;

        var synced = false;
        if (tenant is null)
        {
            reasons = reasons.With(Reason.NoTenantNotLoggedInFieldService);
        }
        else if (recorded)
        {
            synced = SettingsPrecedence.Tenant(scenario.Settings, tenant).AcceptsContactCenterRecordings;
            reasons = reasons.With(synced ? Reason.SyncedToFieldService : Reason.SyncRequiresAutomatically);
        }

        var personOnCall = !call.IsInbound || call.EffectiveHandler == Handler.Agent;
        var announce = cc.AnnounceRecording && recorded && personOnCall;
        return new Verdict
        {
            Path = CallPath.ContactCenter,
            Logged = new BothSystems(ContactCenter: true, FieldService: tenant is not null),
            Recorded = new BothSystems(ContactCenter: recorded, FieldService: synced),
            SyncedToFieldService = synced,
            AutoPause = !recording.IsEmpty && (tenant is not null || cc.StrictPaymentPause),
            Announce = announce,
            Spans = paused.Spans,
            Reasons = reasons.WithIf(announce, Reason.AnnounceRecording),
            Setting = setting,
            Paused = paused.Paused,
            UnprotectedPaymentWindows = paused.Unprotected,
        };
    }

    /// <summary>Rules 1–6: whether the call records from the start, before transfers and pauses.</summary>
    private static (bool Record, AppliedSetting? Setting, ReasonSet Reasons) BaseDecision(Scenario scenario)
    {
        var call = scenario.Call;
        if (call.IsInbound && call.EffectiveHandler == Handler.VirtualAgent)
        {
            return (true, null, ReasonSet.Of(Reason.VirtualAgentAlwaysRecorded));
        }

        if (call.IsInbound && call.EffectiveHandler == Handler.ExternalNumber)
        {
            return (true, null, ReasonSet.Of(Reason.ExternalForwardAlwaysRecorded));
        }

        var target = !call.IsInbound ? new SettingTarget(SettingScope.UserOutbound, call.User)
            : call.Queue is { } queue ? new SettingTarget(SettingScope.Queue, queue)
            : new SettingTarget(SettingScope.UserInbound, call.User);
        var setting = SettingsPrecedence.Resolve(scenario.Settings, target);
        var reasons = ReasonSet.Of(SettingReason(setting));
        var record = setting.Mode == RecordingMode.Automatically;
        if (record && scenario.Settings.ContactCenter.ExclusionList.Contains(call.ExternalParty))
        {
            return (false, setting, reasons.With(Reason.ExcludedNumber));
        }

        return (record, setting, reasons);
    }

    private static Reason SettingReason(AppliedSetting setting) => (setting.Target.Scope, setting.Source) switch
    {
        (SettingScope.Queue, SettingSource.Custom) => Reason.QueueCustomSetting,
        (SettingScope.Queue, SettingSource.Default) => Reason.QueueDefaultSetting,
        (_, SettingSource.Custom) => Reason.UserCustomSetting,
        _ => Reason.UserDefaultSetting,
    };
}
