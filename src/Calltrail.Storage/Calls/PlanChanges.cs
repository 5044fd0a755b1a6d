using System.Data.Common;
using System.Globalization;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>A call's plan changed, as another server committed it: read the plan with <see cref="RecordingPlans"/>.</summary>
public sealed record PlanChange(string CallId, long Version);

/// <summary>
/// The notices every server on a PostgreSQL database hears when a batch commits a call's new plan.
/// Sent inside the batch's transaction: PostgreSQL delivers a NOTIFY only if the transaction commits,
/// so no server hears of a change that did not happen. Nothing is sent on SQLite (one server).
/// </summary>
public static class PlanChanges
{
    /// <summary>The channel, shared by every schema of the database: a notice names its call, and a server asks its own schema about it.</summary>
    public const string Channel = "calltrail_plans";

    /// <summary><c>{version} {callId}</c>: the version first, as a call id may hold spaces.</summary>
    public static string Payload(string callId, long version) => $"{version.ToString(CultureInfo.InvariantCulture)} {callId}";

    /// <summary>Reads a payload; false for one not in <see cref="Payload"/>'s form.</summary>
    public static bool TryRead(string payload, out PlanChange change)
    {
        change = new PlanChange("", 0);
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space == payload.Length - 1
            || !long.TryParse(payload.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        change = new PlanChange(payload[(space + 1)..], version);
        return true;
    }

    /// <summary>One statement for all the batch's calls, whatever their number.</summary>
    internal static async Task SendAsync(Dialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<CallUpdate> updates)
    {
        if (dialect.Provider != DatabaseProvider.PostgreSql || updates.Count == 0)
        {
            return;
        }

        var payloads = updates.Select(u => Payload(u.CallId, u.PlanVersion)).ToArray();
        await connection.ExecuteAsync($"SELECT pg_notify('{Channel}', p) FROM unnest(@payloads) AS p", new { payloads }, transaction);
    }
}
