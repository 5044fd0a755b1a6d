using System.Data.Common;
using Calltrail.Settings;
using Dapper;

namespace Calltrail.Storage.Organization;

public sealed partial class OrganizationStore
{
    private const string EmployeeColumns = "id, name, seat, direct_line, role, custom_inbound, custom_outbound";

    public Task<IReadOnlyList<EmployeeProfile>> ListEmployeesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<EmployeeProfile>>(async (connection, transaction) =>
        {
            var cc = await EngineView.ContactCenterAsync(connection, transaction);
            return await EmployeeProfilesAsync(connection, transaction, cc);
        }, cancellationToken);

    public Task<EmployeeProfile?> GetEmployeeAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, transaction) =>
            await FindEmployeeAsync(connection, transaction, id) is { } found ? await ProfileAsync(connection, transaction, found) : null,
            cancellationToken);

    /// <summary>
    /// Creates or replaces an employee's details. Their recording setting, custom or inherited, is kept.
    /// The direct line must be free (no other employee's, not a tracking number) and every queue must exist.
    /// </summary>
    public Task<Written<EmployeeProfile>> SaveEmployeeAsync(
        string id, EmployeeDetails details, string actor, long at, CancellationToken cancellationToken = default)
    {
        OrganizationNames.Require(id, nameof(id));
        OrganizationNames.Require(details.Name, nameof(details));
        return WriteAsync(actor, at, async change =>
        {
            if (await DirectLineTakenAsync(change, id, details) is { } taken)
            {
                return Written.Refused<EmployeeProfile>(taken);
            }

            var before = await FindEmployeeAsync(change.Connection, change.Transaction, id);
            var stored = details with { Queues = [.. details.Queues.Distinct().Order(StringComparer.Ordinal)] };
            var after = new StoredEmployee(Row(id, stored, before?.Row.Custom), stored);
            if (await change.AuditAsync(AuditValues.EmployeeSubject(id), AuditValues.Employee(before?.Details), AuditValues.Employee(stored)))
            {
                await UpsertEmployeeRowAsync(change, after.Row);
                if (await ReplaceQueuesAsync(change, id, details.Queues) is { } unknown)
                {
                    return Written.Refused<EmployeeProfile>(unknown);
                }
            }

            return Written.Done(await ProfileAsync(change.Connection, change.Transaction, after), created: before is null);
        }, cancellationToken);
    }

    /// <summary>Deletes an employee; they leave their queues.</summary>
    public Task<Written<EmployeeProfile>> DeleteEmployeeAsync(string id, string actor, long at, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async change =>
        {
            if (await FindEmployeeAsync(change.Connection, change.Transaction, id) is not { } before)
            {
                return Written.Refused<EmployeeProfile>(RefusalKind.NotFound, "id", $"There is no employee '{id}'.");
            }

            var profile = await ProfileAsync(change.Connection, change.Transaction, before);
            await change.AuditAsync(AuditValues.EmployeeSubject(id), AuditValues.Employee(before.Details), null);
            await change.AuditAsync(AuditValues.EmployeeRecordingSubject(id), AuditValues.EmployeeRecording(before.Row.Custom), null);
            await change.ExecuteAsync("DELETE FROM employees WHERE id = @id", new { id });
            return Written.Done(profile);
        }, cancellationToken);

    /// <summary>Gives an employee their own recording setting: custom, and sticky until reset.</summary>
    public Task<Written<EmployeeProfile>> SetEmployeeRecordingAsync(
        string id, UserSetting setting, string actor, long at, CancellationToken cancellationToken = default) =>
        ChangeEmployeeRecordingAsync(id, setting, actor, at, cancellationToken);

    /// <summary>Resets an employee to the defaults: from now on they follow <c>defaults.user</c>.</summary>
    public Task<Written<EmployeeProfile>> ResetEmployeeRecordingAsync(string id, string actor, long at, CancellationToken cancellationToken = default) =>
        ChangeEmployeeRecordingAsync(id, null, actor, at, cancellationToken);

    private Task<Written<EmployeeProfile>> ChangeEmployeeRecordingAsync(
        string id, UserSetting? custom, string actor, long at, CancellationToken cancellationToken) =>
        WriteAsync(actor, at, async change =>
        {
            if (await FindEmployeeAsync(change.Connection, change.Transaction, id) is not { } before)
            {
                return Written.Refused<EmployeeProfile>(RefusalKind.NotFound, "id", $"There is no employee '{id}'.");
            }

            var after = before with { Row = Row(id, before.Details, custom) };
            await PutEmployeeRecordingAsync(change, before.Row, after.Row);
            return Written.Done(await ProfileAsync(change.Connection, change.Transaction, after));
        }, cancellationToken);

    private static async Task PutEmployeeRecordingAsync(SettingsChange change, EmployeeRow before, EmployeeRow after)
    {
        if (await change.AuditAsync(AuditValues.EmployeeRecordingSubject(after.Id),
            AuditValues.EmployeeRecording(before.Custom), AuditValues.EmployeeRecording(after.Custom)))
        {
            await change.ExecuteAsync(
                "UPDATE employees SET custom_inbound = @CustomInbound, custom_outbound = @CustomOutbound WHERE id = @Id", after);
        }
    }

    private static async Task<Refusal?> DirectLineTakenAsync(SettingsChange change, string id, EmployeeDetails details)
    {
        if (details.DirectLine is not { } line)
        {
            return null;
        }

        var number = line.E164;
        if (await change.QueryOneAsync<string>("SELECT id FROM employees WHERE direct_line = @number AND id <> @id", new { number, id }) is { } other)
        {
            return new Refusal(RefusalKind.Conflict, "directLine", $"{number} is already the direct line of employee '{other}'.");
        }

        return await change.QueryOneAsync<string>("SELECT tenant_id FROM tracking_numbers WHERE number = @number", new { number }) is not null
            ? new Refusal(RefusalKind.Conflict, "directLine", $"{number} is a tracking number; a number rings in one place only.")
            : null;
    }

    /// <summary>Makes the employee's queues exactly <paramref name="queues"/>; the refusal names the first queue that does not exist.</summary>
    private static async Task<Refusal?> ReplaceQueuesAsync(SettingsChange change, string id, IReadOnlyList<string> queues)
    {
        await change.ExecuteAsync("DELETE FROM employee_queues WHERE employee_id = @id", new { id });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < queues.Count; i++)
        {
            if (!seen.Add(queues[i]))
            {
                continue;
            }

            var joined = await change.ExecuteAsync(
                "INSERT INTO employee_queues (employee_id, queue_id) SELECT @id, id FROM queues WHERE id = @queue",
                new { id, queue = queues[i] });
            if (joined == 0)
            {
                return new Refusal(RefusalKind.Invalid, $"queues[{i}]", $"There is no queue '{queues[i]}'.");
            }
        }

        return null;
    }

    private static Task UpsertEmployeeRowAsync(SettingsChange change, EmployeeRow row) =>
        change.ExecuteAsync(
            $"""
            INSERT INTO employees ({EmployeeColumns})
            VALUES (@Id, @Name, @Seat, @DirectLine, @Role, @CustomInbound, @CustomOutbound)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, seat = excluded.seat, direct_line = excluded.direct_line,
                role = excluded.role, custom_inbound = excluded.custom_inbound, custom_outbound = excluded.custom_outbound
            """,
            row);

    private static EmployeeRow Row(string id, EmployeeDetails details, UserSetting? custom) => new()
    {
        Id = id,
        Name = details.Name,
        Seat = details.Seat,
        DirectLine = details.DirectLine?.E164,
        Role = details.Role,
        CustomInbound = custom?.Inbound,
        CustomOutbound = custom?.Outbound,
    };

    private static async Task<EmployeeProfile> ProfileAsync(DbConnection connection, DbTransaction transaction, StoredEmployee employee)
    {
        var cc = await EngineView.ContactCenterAsync(connection, transaction);
        return new EmployeeProfile(employee.Row.Id, employee.Details, InForce.Of(cc, [], [employee.Row]).Employee(employee.Row.Id));
    }

    private static async Task<List<EmployeeProfile>> EmployeeProfilesAsync(DbConnection connection, DbTransaction transaction, ContactCenterRow cc)
    {
        var rows = (await connection.QueryAsync<EmployeeRow>($"SELECT {EmployeeColumns} FROM employees", transaction: transaction)).ToList();
        var memberships = (await connection.QueryAsync<MembershipRow>("SELECT employee_id, queue_id FROM employee_queues", transaction: transaction))
            .ToLookup(m => m.EmployeeId, m => m.QueueId, StringComparer.Ordinal);
        var inForce = InForce.Of(cc, [], rows);
        return [.. rows
            .Select(r => new EmployeeProfile(r.Id, r.Details([.. memberships[r.Id].Order(StringComparer.Ordinal)]), inForce.Employee(r.Id)))
            .OrderBy(e => e.Id, StringComparer.Ordinal)];
    }

    private static async Task<StoredEmployee?> FindEmployeeAsync(DbConnection connection, DbTransaction transaction, string id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<EmployeeRow>(
            $"SELECT {EmployeeColumns} FROM employees WHERE id = @id", new { id }, transaction);
        if (row is null)
        {
            return null;
        }

        var queues = await connection.QueryAsync<string>(
            "SELECT queue_id FROM employee_queues WHERE employee_id = @id", new { id }, transaction);
        return new StoredEmployee(row, row.Details([.. queues.Order(StringComparer.Ordinal)]));
    }

    /// <summary>An employee's row (with the custom setting) and details (with the queues).</summary>
    private sealed record StoredEmployee(EmployeeRow Row, EmployeeDetails Details);
}
