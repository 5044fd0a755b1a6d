using System.Collections.Immutable;
using Calltrail.Calls;
using Calltrail.Settings;
using Calltrail.Timeline;

namespace Calltrail.Decisions;

/// <summary>behavior.md, "Field-service path": the tenant's setting for the call's direction decides, and the recording stays in the field service.</summary>
internal static class FieldServicePath
{
    public static Verdict Decide(Scenario scenario, CallPath path)
    {
        var call = scenario.Call;
        var tenant = call.Tenant
            ?? throw new ArgumentException($"A call on the {path.Id()} path needs a tenant; validate the scenario first.", nameof(scenario));
        var scope = call.IsInbound ? SettingScope.FieldServiceInbound : SettingScope.FieldServiceOutbound;
        var setting = SettingsPrecedence.Resolve(scenario.Settings, new SettingTarget(scope, tenant));
        var reasons = ReasonSet.Of(PathReason(path), ModeReason(setting.Mode));

        var recording = Recording(setting.Mode, call);
        var paused = Pausing.Apply(recording, call, tenantLinked: true, strict: false, reasons);
        return new Verdict
        {
            Path = path,
            Logged = new BothSystems(ContactCenter: false, FieldService: true),
            Recorded = new BothSystems(ContactCenter: false, FieldService: !paused.Spans.IsEmpty),
            SyncedToFieldService = false,
            AutoPause = !recording.IsEmpty,
            Announce = false,
            Spans = paused.Spans,
            Reasons = paused.Reasons,
            Setting = setting,
            Paused = paused.Paused,
            UnprotectedPaymentWindows = paused.Unprotected,
        };
    }

    private static ImmutableArray<Span> Recording(RecordingMode mode, Call call)
    {
        long? from = mode switch
        {
            RecordingMode.Automatically => 0,
            RecordingMode.OnDemand => EventWindows.First(call.Events, CallEventType.RecordRequested),
            _ => null,
        };
        return from is { } start && start < call.DurationMs ? [new Span(start, call.DurationMs)] : [];
    }

    private static Reason PathReason(CallPath path) => path switch
    {
        CallPath.Continuity => Reason.Continuity,
        CallPath.TenantWithoutContactCenter => Reason.TenantWithoutContactCenter,
        CallPath.NonSeatUser => Reason.NonSeatUser,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not a field-service path."),
    };

    private static Reason ModeReason(RecordingMode mode) => mode switch
    {
        RecordingMode.Automatically => Reason.FieldServiceAutomatically,
        RecordingMode.OnDemand => Reason.FieldServiceOnDemand,
        _ => Reason.FieldServiceNever,
    };
}
