using System.Collections.Frozen;
using Calltrail.Settings;

namespace Calltrail.Storage.Organization;

/// <summary>
/// Which recording value is in force for each queue and employee, and whether it is custom or
/// inherited. It asks <see cref="SettingsPrecedence.Resolve"/>, the one place that decides precedence,
/// rather than deciding here.
/// </summary>
internal sealed class InForce
{
    private readonly OrganizationSettings settings;

    private InForce(OrganizationSettings settings) => this.settings = settings;

    public static InForce Of(ContactCenterRow cc, IEnumerable<QueueRow> queues, IEnumerable<EmployeeRow> employees) => new(new OrganizationSettings
    {
        ContactCenter = new ContactCenterSettings
        {
            Defaults = cc.Defaults,
            Queues = queues.Where(q => q.CustomRecord is not null)
                .ToFrozenDictionary(q => q.Id, q => new QueueSetting(q.CustomRecord!.Value), StringComparer.Ordinal),
            Users = employees.Where(e => e.Custom is not null)
                .ToFrozenDictionary(e => e.Id, e => e.Custom!.Value, StringComparer.Ordinal),
        },
    });

    public QueueRecording Queue(string id)
    {
        var applied = SettingsPrecedence.Resolve(settings, new SettingTarget(SettingScope.Queue, id));
        return new QueueRecording(Records(applied), applied.Source);
    }

    public EmployeeRecording Employee(string id)
    {
        var inbound = SettingsPrecedence.Resolve(settings, new SettingTarget(SettingScope.UserInbound, id));
        var outbound = SettingsPrecedence.Resolve(settings, new SettingTarget(SettingScope.UserOutbound, id));
        return new EmployeeRecording(Records(inbound), Records(outbound), inbound.Source);
    }

    private static bool Records(AppliedSetting applied) => applied.Mode != RecordingMode.Never;
}
