using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>
/// The contact center's settings page: the organization-wide settings, then every queue and employee
/// with the value in force and whether it is custom or inherited.
/// </summary>
public sealed record ContactCenterView(
    DefaultsView Defaults,
    TransfersView Transfers,
    bool AnnounceRecording,
    bool StrictPaymentPause,
    IReadOnlyList<QueueView> Queues,
    IReadOnlyList<EmployeeSettingView> Employees)
{
    internal static ContactCenterView Of(ContactCenterOverview cc) => new(
        new DefaultsView(new QueueDefaultView(cc.Defaults.QueueRecord), new UserDefaultView(cc.Defaults.UserInbound, cc.Defaults.UserOutbound)),
        new TransfersView(cc.RecordAfterTransfer),
        cc.AnnounceRecording,
        cc.StrictPaymentPause,
        [.. cc.Queues.Select(QueueView.Of)],
        [.. cc.Employees.Select(e => new EmployeeSettingView(e.Id, e.Details.Name, EmployeeRecordingView.Of(e.Recording)))]);
}

public sealed record DefaultsView(QueueDefaultView Queue, UserDefaultView User);

public sealed record QueueDefaultView(bool Record);

public sealed record UserDefaultView(bool Inbound, bool Outbound);

public sealed record TransfersView(bool Record);

public sealed record EmployeeSettingView(string Id, string Name, EmployeeRecordingView Recording);

/// <summary>The body of <c>PATCH /api/settings/contact-center</c>: any subset of the settings, nested as in the view.</summary>
public sealed record ContactCenterPatch(DefaultsPatch? Defaults, TransfersPatch? Transfers, bool? AnnounceRecording, bool? StrictPaymentPause);

public sealed record DefaultsPatch(QueueDefaultPatch? Queue, UserDefaultPatch? User);

public sealed record QueueDefaultPatch(bool? Record);

public sealed record UserDefaultPatch(bool? Inbound, bool? Outbound);

public sealed record TransfersPatch(bool? Record);
