namespace Calltrail.Settings;

/// <summary>Which setting a call consults.</summary>
public enum SettingScope
{
    /// <summary>A queue's <c>record</c> setting.</summary>
    Queue,

    /// <summary>An employee's inbound (direct-line and agent-handled) setting.</summary>
    UserInbound,

    /// <summary>An employee's outbound setting.</summary>
    UserOutbound,

    /// <summary>A tenant's field-service inbound setting.</summary>
    FieldServiceInbound,

    /// <summary>A tenant's field-service outbound setting.</summary>
    FieldServiceOutbound,
}

/// <summary>Where the value in force came from.</summary>
public enum SettingSource
{
    /// <summary>The queue's, employee's or tenant's own value.</summary>
    Custom,

    /// <summary>The organization's default (or, for a tenant with no settings, the field-service default).</summary>
    Default,
}

/// <summary>A setting to look up: its scope and the queue, employee or tenant it belongs to (null when the call names none).</summary>
public readonly record struct SettingTarget(SettingScope Scope, string? Subject);

/// <summary>The value a call used and where it came from.</summary>
public readonly record struct AppliedSetting(SettingTarget Target, RecordingMode Mode, SettingSource Source)
{
    public bool IsContactCenter => Target.Scope is SettingScope.Queue or SettingScope.UserInbound or SettingScope.UserOutbound;
}

/// <summary>
/// Settings precedence, in exactly one function: a custom value wins over the default, for good,
/// until it is reset (a reset removes the custom entry). Nothing else in Calltrail — no query, page
/// or worker — may decide which value is in force.
/// </summary>
public static class SettingsPrecedence
{
    public static AppliedSetting Resolve(OrganizationSettings settings, SettingTarget target)
    {
        var cc = settings.ContactCenter;
        var subject = target.Subject;
        return target.Scope switch
        {
            SettingScope.Queue => subject is not null && cc.Queues.TryGetValue(subject, out var queue)
                ? new(target, Mode(queue.Record), SettingSource.Custom)
                : new(target, Mode(cc.Defaults.QueueRecord), SettingSource.Default),
            SettingScope.UserInbound => subject is not null && cc.Users.TryGetValue(subject, out var user)
                ? new(target, Mode(user.Inbound), SettingSource.Custom)
                : new(target, Mode(cc.Defaults.UserInbound), SettingSource.Default),
            SettingScope.UserOutbound => subject is not null && cc.Users.TryGetValue(subject, out var user)
                ? new(target, Mode(user.Outbound), SettingSource.Custom)
                : new(target, Mode(cc.Defaults.UserOutbound), SettingSource.Default),
            SettingScope.FieldServiceInbound or SettingScope.FieldServiceOutbound => FieldService(settings, target),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Scope, "Unknown setting scope."),
        };
    }

    /// <summary>A tenant's field-service settings; a tenant with none configured has the defaults.</summary>
    public static FieldServiceSettings Tenant(OrganizationSettings settings, string tenant) =>
        settings.FieldService.TryGetValue(tenant, out var fs) ? fs : FieldServiceSettings.Default;

    private static AppliedSetting FieldService(OrganizationSettings settings, SettingTarget target)
    {
        var listed = target.Subject is not null && settings.FieldService.ContainsKey(target.Subject);
        var fs = target.Subject is null ? FieldServiceSettings.Default : Tenant(settings, target.Subject);
        var mode = target.Scope == SettingScope.FieldServiceInbound ? fs.Inbound : fs.Outbound;
        return new(target, mode, listed ? SettingSource.Custom : SettingSource.Default);
    }

    private static RecordingMode Mode(bool record) => record ? RecordingMode.Automatically : RecordingMode.Never;
}
