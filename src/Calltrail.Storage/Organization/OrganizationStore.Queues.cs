using System.Data.Common;
using Calltrail.Settings;
using Dapper;

namespace Calltrail.Storage.Organization;

public sealed partial class OrganizationStore
{
    public Task<IReadOnlyList<ContactCenterQueue>> ListQueuesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ContactCenterQueue>>(async (connection, transaction) =>
        {
            var cc = await EngineView.ContactCenterAsync(connection, transaction);
            var rows = await QueueRowsAsync(connection, transaction);
            var inForce = InForce.Of(cc, rows, []);
            return [.. rows.Select(r => new ContactCenterQueue(r.Id, r.Name, inForce.Queue(r.Id))).OrderBy(q => q.Id, StringComparer.Ordinal)];
        }, cancellationToken);

    public Task<ContactCenterQueue?> GetQueueAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, transaction) =>
            await FindQueueAsync(connection, transaction, id) is { } row ? await QueueViewAsync(connection, transaction, row) : null,
            cancellationToken);

    /// <summary>Creates or renames a queue; a renamed queue keeps its recording setting, custom or inherited.</summary>
    public Task<Written<ContactCenterQueue>> SaveQueueAsync(string id, string name, string actor, long at, CancellationToken cancellationToken = default)
    {
        OrganizationNames.Require(id, nameof(id));
        OrganizationNames.Require(name, nameof(name));
        return WriteAsync(actor, at, async change =>
        {
            var before = await FindQueueAsync(change.Connection, change.Transaction, id);
            var after = new QueueRow { Id = id, Name = name, CustomRecord = before?.CustomRecord };
            await PutQueueAsync(change, before, after);
            return Written.Done(await QueueViewAsync(change.Connection, change.Transaction, after), created: before is null);
        }, cancellationToken);
    }

    /// <summary>Deletes a queue; its employees leave it (each such change audited).</summary>
    public Task<Written<ContactCenterQueue>> DeleteQueueAsync(string id, string actor, long at, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async change =>
        {
            if (await FindQueueAsync(change.Connection, change.Transaction, id) is not { } before)
            {
                return Written.Refused<ContactCenterQueue>(RefusalKind.NotFound, "id", $"There is no queue '{id}'.");
            }

            var view = await QueueViewAsync(change.Connection, change.Transaction, before);
            var members = await change.QueryAsync<string>("SELECT employee_id FROM employee_queues WHERE queue_id = @id", new { id });
            foreach (var member in members)
            {
                var details = (await FindEmployeeAsync(change.Connection, change.Transaction, member))!.Details;
                await change.AuditAsync(AuditValues.EmployeeSubject(member), AuditValues.Employee(details),
                    AuditValues.Employee(details with { Queues = [.. details.Queues.Where(q => q != id)] }));
            }

            await change.AuditAsync(AuditValues.QueueSubject(id), AuditValues.Queue(before.Name), null);
            await change.AuditAsync(AuditValues.QueueRecordingSubject(id), AuditValues.QueueRecording(before.CustomRecord), null);
            await change.ExecuteAsync("DELETE FROM queues WHERE id = @id", new { id });
            return Written.Done(view);
        }, cancellationToken);

    /// <summary>Gives a queue its own recording setting: custom, and sticky until reset.</summary>
    public Task<Written<ContactCenterQueue>> SetQueueRecordingAsync(
        string id, QueueSetting setting, string actor, long at, CancellationToken cancellationToken = default) =>
        ChangeQueueRecordingAsync(id, setting.Record, actor, at, cancellationToken);

    /// <summary>Resets a queue to the default: from now on it follows <c>defaults.queue.record</c>.</summary>
    public Task<Written<ContactCenterQueue>> ResetQueueRecordingAsync(string id, string actor, long at, CancellationToken cancellationToken = default) =>
        ChangeQueueRecordingAsync(id, null, actor, at, cancellationToken);

    private Task<Written<ContactCenterQueue>> ChangeQueueRecordingAsync(
        string id, bool? custom, string actor, long at, CancellationToken cancellationToken) =>
        WriteAsync(actor, at, async change =>
        {
            if (await FindQueueAsync(change.Connection, change.Transaction, id) is not { } before)
            {
                return Written.Refused<ContactCenterQueue>(RefusalKind.NotFound, "id", $"There is no queue '{id}'.");
            }

            var after = new QueueRow { Id = id, Name = before.Name, CustomRecord = custom };
            await PutQueueAsync(change, before, after);
            return Written.Done(await QueueViewAsync(change.Connection, change.Transaction, after));
        }, cancellationToken);

    private static async Task PutQueueAsync(SettingsChange change, QueueRow? before, QueueRow after)
    {
        var renamed = await change.AuditAsync(AuditValues.QueueSubject(after.Id), AuditValues.Queue(before?.Name), AuditValues.Queue(after.Name));
        var recording = await change.AuditAsync(AuditValues.QueueRecordingSubject(after.Id),
            AuditValues.QueueRecording(before?.CustomRecord), AuditValues.QueueRecording(after.CustomRecord));
        if (renamed || recording)
        {
            await change.ExecuteAsync(
                """
                INSERT INTO queues (id, name, custom_record) VALUES (@Id, @Name, @CustomRecord)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, custom_record = excluded.custom_record
                """,
                after);
        }
    }

    private static async Task<ContactCenterQueue> QueueViewAsync(DbConnection connection, DbTransaction transaction, QueueRow row)
    {
        var cc = await EngineView.ContactCenterAsync(connection, transaction);
        return new ContactCenterQueue(row.Id, row.Name, InForce.Of(cc, [row], []).Queue(row.Id));
    }

    private static Task<QueueRow?> FindQueueAsync(DbConnection connection, DbTransaction transaction, string id) =>
        connection.QuerySingleOrDefaultAsync<QueueRow>("SELECT id, name, custom_record FROM queues WHERE id = @id", new { id }, transaction);

    private static async Task<List<QueueRow>> QueueRowsAsync(DbConnection connection, DbTransaction transaction) =>
        [.. await connection.QueryAsync<QueueRow>("SELECT id, name, custom_record FROM queues", transaction: transaction)];
}
