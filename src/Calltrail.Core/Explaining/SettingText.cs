using Calltrail.Decisions;
using Calltrail.Settings;

namespace Calltrail.Explaining;

/// <summary>Says which setting decided a call, what it said, and whether it was custom or inherited.</summary>
public static class SettingText
{
    public static string Describe(Verdict verdict)
    {
        if (verdict.Setting is not { } setting)
        {
            return verdict.Path == CallPath.Internal
                ? "none: internal calls are never recorded"
                : "none: this kind of call is recorded whatever the settings say";
        }

        return $"{Subject(setting.Target)} = {Value(setting)}, {Source(setting)}";
    }

    /// <summary>A short label for tables: the setting's owner and whether it was custom.</summary>
    public static string Short(Verdict verdict)
    {
        if (verdict.Setting is not { } setting)
        {
            return verdict.Path == CallPath.Internal ? "none" : "none (always recorded)";
        }

        var owner = setting.Target.Scope switch
        {
            SettingScope.Queue => "CC queue",
            SettingScope.UserInbound => "CC employee, inbound",
            SettingScope.UserOutbound => "CC employee, outbound",
            SettingScope.FieldServiceInbound => "FS tenant, inbound",
            _ => "FS tenant, outbound",
        };
        return setting.IsContactCenter ? $"{owner} ({(setting.Source == SettingSource.Custom ? "custom" : "default")})" : owner;
    }

    private static string Subject(SettingTarget target)
    {
        var who = target.Subject is null ? string.Empty : $" '{target.Subject}'";
        return target.Scope switch
        {
            SettingScope.Queue => $"queue{who} record",
            SettingScope.UserInbound => $"employee{who} inbound",
            SettingScope.UserOutbound => $"employee{who} outbound",
            SettingScope.FieldServiceInbound => $"tenant{who} field-service inbound",
            _ => $"tenant{who} field-service outbound",
        };
    }

    private static string Value(AppliedSetting setting) => setting.IsContactCenter
        ? setting.Mode == RecordingMode.Automatically ? "on" : "off"
        : setting.Mode switch
        {
            RecordingMode.Automatically => "automatically",
            RecordingMode.OnDemand => "on-demand",
            _ => "never",
        };

    private static string Source(AppliedSetting setting) => (setting.IsContactCenter, setting.Source, setting.Target.Scope) switch
    {
        (true, SettingSource.Custom, SettingScope.Queue) => "custom (set on this queue; changes to the default no longer reach it)",
        (true, SettingSource.Custom, _) => "custom (set for this employee; changes to the default no longer reach it)",
        (true, _, SettingScope.Queue) => "inherited from the contact center's default for queues",
        (true, _, _) => "inherited from the contact center's default for employees",
        (false, SettingSource.Custom, _) => "the tenant's own field-service setting",
        _ => "the field-service default (the tenant has no field-service settings of its own)",
    };
}
