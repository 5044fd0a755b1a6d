using System.Data.Common;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>
/// Live calls and the two call logs. <c>call_events</c> is the durable truth (every accepted event,
/// keyed by the telephony's call id and sequence); <c>calls</c> holds what was fixed when the call
/// began (settings version, tenant, campaign) and the recording plan; the two logs are the records
/// each system keeps, rewritten from the events whenever one arrives.
/// </summary>
internal static class CallSchema
{
    /// <summary>Columns both logs share: what the questions filter and sort on.</summary>
    private const string LogColumns =
        """
            call_id TEXT PRIMARY KEY,
            started_at BIGINT NOT NULL,
            ended_at BIGINT NULL,
            status TEXT NOT NULL,
            direction TEXT NOT NULL,
            from_number TEXT NULL,
            to_number TEXT NULL,
            via TEXT NOT NULL,
            tenant_id TEXT NULL,
            tracking_number TEXT NULL,
            campaign TEXT NULL,
            employee_id TEXT NULL,
            queue_id TEXT NULL,
            duration_ms BIGINT NOT NULL,
            path TEXT NOT NULL,
            recorded BOOLEAN NOT NULL,
            classification TEXT NULL,
            reasons TEXT NOT NULL,
        """;

    public static IEnumerable<string> Statements(Dialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS call_events (
            call_id TEXT NOT NULL,
            sequence BIGINT NOT NULL,
            type TEXT NOT NULL,
            at BIGINT NOT NULL,
            body TEXT NOT NULL,
            received_at BIGINT NOT NULL,
            PRIMARY KEY (call_id, sequence))
        """,
        """
        CREATE TABLE IF NOT EXISTS calls (
            call_id TEXT PRIMARY KEY,
            settings_version BIGINT NOT NULL,
            tenant_id TEXT NULL,
            tracking_number TEXT NULL,
            campaign TEXT NULL,
            campaign_category TEXT NULL,
            campaign_source TEXT NULL,
            campaign_medium TEXT NULL,
            resolved BOOLEAN NOT NULL,
            status TEXT NOT NULL,
            path TEXT NULL,
            reasons TEXT NULL,
            recorder_state TEXT NOT NULL,
            announced BOOLEAN NOT NULL,
            plan TEXT NULL,
            problems TEXT NULL,
            updated_at BIGINT NOT NULL,
            plan_version BIGINT NOT NULL DEFAULT 0)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS contact_center_log (
        {LogColumns}
            setting TEXT NULL,
            announce BOOLEAN NOT NULL,
            auto_pause BOOLEAN NOT NULL,
            spans TEXT NOT NULL,
            paused TEXT NOT NULL,
            unprotected_payment TEXT NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS field_service_log (
        {LogColumns}
            campaign_category TEXT NULL,
            campaign_source TEXT NULL,
            campaign_medium TEXT NULL,
            recording_source TEXT NULL,
            no_recording_reason TEXT NULL)
        """,
        .. Indexes("contact_center_log"),
        .. Indexes("field_service_log"),
    ];

    /// <summary>
    /// Brings an older database's call tables up to this build's shape. Schema version 3 added
    /// <c>calls.plan_version</c>; a column already there (the upgrade ran, or the table was just created
    /// with it) is left alone, so running this twice changes nothing.
    /// </summary>
    public static async Task UpgradeAsync(DbConnection connection, DbTransaction transaction, Dialect dialect)
    {
        if (!await Columns.ExistsAsync(connection, transaction, dialect, "calls", "plan_version"))
        {
            await connection.ExecuteAsync("ALTER TABLE calls ADD COLUMN plan_version BIGINT NOT NULL DEFAULT 0", transaction: transaction);
        }
    }

    /// <summary>
    /// Newest first, with the call id as the tie-breaker: every listing walks one of these in order
    /// and stops after a page, whatever else it filters on.
    /// </summary>
    private static IEnumerable<string> Indexes(string table) =>
        new[] { "", "tenant_id", "campaign", "employee_id", "queue_id", "from_number", "to_number" }
            .Select(column => column.Length == 0
                ? $"CREATE INDEX IF NOT EXISTS {table}_started ON {table} (started_at, call_id)"
                : $"CREATE INDEX IF NOT EXISTS {table}_{column} ON {table} ({column}, started_at, call_id)");
}
