using System.Text;
using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Timeline;

namespace Calltrail.Explaining;

/// <summary>A verdict told to a person: the call, the path, the setting and its source, what was kept, and each rule in plain words.</summary>
public static class Explanation
{
    public static string Render(Scenario scenario, Verdict verdict)
    {
        var call = scenario.Call;
        var text = new StringBuilder();
        text.AppendLine(DescribeCall(scenario));
        text.AppendLine();
        text.AppendLine($"Path:        {verdict.Path.Id()} — {PathMeaning(verdict.Path)}");
        text.AppendLine($"Setting:     {SettingText.Describe(verdict)}");
        text.AppendLine($"Logged:      contact center {YesNo(verdict.Logged.ContactCenter)}; field service {YesNo(verdict.Logged.FieldService)}{TenantNote(call)}");
        text.AppendLine($"Recorded:    contact center {YesNo(verdict.Recorded.ContactCenter)}; field-service record {FieldServiceRecording(verdict)}");
        text.AppendLine($"Audio kept:  {(verdict.Spans.IsEmpty ? "none" : CallTime.Format(verdict.Spans))}");
        foreach (var paused in verdict.Paused)
        {
            var cause = paused.Cause == PauseCause.PaymentScreen ? "payment screen open" : "paused by a person";
            text.AppendLine($"Paused:      {CallTime.Format(paused.Span)} ({cause}; silence in the recording)");
        }

        foreach (var window in verdict.UnprotectedPaymentWindows)
        {
            text.AppendLine($"UNPROTECTED: {CallTime.Format(window)} payment screen open while recording — no tenant, so nothing paused it");
        }

        text.AppendLine($"Auto-pause:  {(verdict.AutoPause ? "on: the payment screen pauses this recording" : "off")}");
        text.AppendLine($"Announce:    {(verdict.Announce ? "yes: the employee is prompted to announce the recording" : "no")}");
        if (call.Transfer is { } && !call.IsInbound)
        {
            text.AppendLine("Transfer:    ignored: the transfer rules apply to inbound calls answered in the contact center");
        }

        text.AppendLine();
        text.AppendLine("Why:");
        foreach (var reason in verdict.Reasons)
        {
            text.AppendLine($"  - {reason.Id()}: {ReasonText.Describe(reason)}");
        }

        return text.ToString();
    }

    private static string DescribeCall(Scenario scenario)
    {
        var call = scenario.Call;
        var parts = new List<string>
        {
            $"{(call.IsInbound ? "Inbound" : "Outbound")}{(call.Internal ? " internal" : string.Empty)} call",
        };
        if (call.From is { } from)
        {
            parts[0] += $" from {from}";
        }

        if (call.To is { } to)
        {
            parts[0] += $" to {to}";
        }

        parts.Add($"by {ContractNames.Vias.NameOf(call.Via)}");
        parts.Add(call.Tenant is { } tenant ? $"tenant {tenant}" : "no tenant");
        if (call.Queue is { } queue)
        {
            parts.Add($"queue {queue}");
        }

        if (call.User is { } user)
        {
            var seat = scenario.HasSeat(user) ? "with a contact-center seat" : "without a contact-center seat";
            parts.Add($"{(call.IsInbound ? "answered by" : "placed by")} {user} ({seat})");
        }

        if (call.IsInbound && call.EffectiveHandler != Handler.Agent)
        {
            parts.Add(call.EffectiveHandler == Handler.VirtualAgent ? "handled by the virtual agent" : "forwarded to an external number");
        }

        if (call.Transfer is { } transfer)
        {
            parts.Add($"transferred to {TransferTo(transfer.To)} at {CallTime.Format(transfer.AtMs)}");
        }

        parts.Add($"{CallTime.Format(call.DurationMs)} connected");
        return string.Join(", ", parts) + ".";
    }

    private static string TransferTo(TransferTarget target) => target switch
    {
        TransferTarget.Agent => "another agent",
        TransferTarget.Queue => "a queue",
        _ => "an external number",
    };

    private static string PathMeaning(CallPath path) => path switch
    {
        CallPath.Internal => "an employee-to-employee call; no settings apply",
        CallPath.ContactCenter => "the contact center's settings apply",
        _ => "the tenant's field-service settings apply",
    };

    private static string TenantNote(Call call) => call.Tenant is { } tenant ? $" (tenant {tenant})" : " (no tenant linked)";

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string FieldServiceRecording(Verdict verdict) =>
        (verdict.Path.IsFieldService(), verdict.Recorded.FieldService, verdict.SyncedToFieldService) switch
        {
            (true, true, _) => "yes (the field service's own recording)",
            (true, false, _) => "no",
            (false, true, true) => "yes (the contact center's recording, synced)",
            _ when verdict.Recorded.ContactCenter && verdict.Logged.FieldService =>
                "no — the recording stays in the contact center because the tenant's field-service settings are not 'automatically' both ways",
            _ => "no",
        };
}
