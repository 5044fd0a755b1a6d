using System.Data.Common;

namespace Calltrail.Storage.Organization;

public sealed partial class OrganizationStore
{
    /// <summary>The contact center's settings with every queue and employee, each showing the value in force and whether it is custom.</summary>
    public Task<ContactCenterOverview> GetContactCenterAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(OverviewAsync, cancellationToken);

    /// <summary>
    /// Changes organization-wide settings. A changed default reaches only the queues and employees that
    /// inherit it: custom values are sticky.
    /// </summary>
    public Task<Written<ContactCenterOverview>> ChangeContactCenterAsync(
        ContactCenterChange change, string actor, long at, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async write =>
        {
            await PutContactCenterAsync(write, await EngineView.ContactCenterAsync(write.Connection, write.Transaction), change);
            return Written.Done(await OverviewAsync(write.Connection, write.Transaction));
        }, cancellationToken);

    private static async Task<ContactCenterOverview> OverviewAsync(DbConnection connection, DbTransaction transaction)
    {
        var cc = await EngineView.ContactCenterAsync(connection, transaction);
        var queues = await QueueRowsAsync(connection, transaction);
        var inForce = InForce.Of(cc, queues, []);
        return new ContactCenterOverview(
            cc.Defaults,
            cc.TransfersRecord,
            cc.AnnounceRecording,
            cc.StrictPaymentPause,
            [.. queues.Select(q => new ContactCenterQueue(q.Id, q.Name, inForce.Queue(q.Id))).OrderBy(q => q.Id, StringComparer.Ordinal)],
            await EmployeeProfilesAsync(connection, transaction, cc));
    }

    private static async Task PutContactCenterAsync(SettingsChange write, ContactCenterRow before, ContactCenterChange change)
    {
        var after = before.With(change);
        var changed = await write.AuditAsync(AuditValues.Defaults, AuditValues.RecordingDefaults(before.Defaults), AuditValues.RecordingDefaults(after.Defaults));
        changed |= await write.AuditAsync(AuditValues.Transfers, AuditValues.TransfersRecord(before.TransfersRecord), AuditValues.TransfersRecord(after.TransfersRecord));
        changed |= await write.AuditAsync(AuditValues.Announce, AuditValues.Flag(before.AnnounceRecording), AuditValues.Flag(after.AnnounceRecording));
        changed |= await write.AuditAsync(AuditValues.StrictPause, AuditValues.Flag(before.StrictPaymentPause), AuditValues.Flag(after.StrictPaymentPause));
        if (changed)
        {
            await write.ExecuteAsync(
                """
                INSERT INTO contact_center_settings
                    (id, queue_record, user_inbound, user_outbound, transfers_record, announce_recording, strict_payment_pause)
                VALUES (1, @QueueRecord, @UserInbound, @UserOutbound, @TransfersRecord, @AnnounceRecording, @StrictPaymentPause)
                ON CONFLICT (id) DO UPDATE SET queue_record = excluded.queue_record, user_inbound = excluded.user_inbound,
                    user_outbound = excluded.user_outbound, transfers_record = excluded.transfers_record,
                    announce_recording = excluded.announce_recording, strict_payment_pause = excluded.strict_payment_pause
                """,
                after);
        }
    }
}
