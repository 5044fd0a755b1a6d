using System.Data.Common;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Recordings;

/// <summary>
/// What the recorder made of each call, and who listened. The audio itself is a file beside the
/// database (encrypted); a row says where it is, what it holds and whether it was finished.
/// </summary>
internal static class RecordingSchema
{
    /// <summary>Version 3 added whether the recording agrees with its call's plan (JSON); a table made before lacks it.</summary>
    public static async Task UpgradeAsync(DbConnection connection, DbTransaction transaction, Dialect dialect)
    {
        if (!await Columns.ExistsAsync(connection, transaction, dialect, "recordings", "agreement"))
        {
            await connection.ExecuteAsync("ALTER TABLE recordings ADD COLUMN agreement TEXT NULL", transaction: transaction);
        }
    }

    public static IEnumerable<string> Statements(Dialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS recordings (
            id TEXT PRIMARY KEY,
            call_id TEXT NOT NULL,
            tenant_id TEXT NULL,
            session_id TEXT NOT NULL,
            started_at BIGINT NOT NULL,
            ended_at BIGINT NULL,
            status TEXT NOT NULL,
            channels TEXT NOT NULL,
            duration_ms BIGINT NOT NULL,
            spans TEXT NOT NULL,
            paused TEXT NOT NULL,
            sha256 TEXT NULL,
            size_bytes BIGINT NOT NULL,
            file TEXT NOT NULL,
            agreement TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS recordings_newest ON recordings (started_at, id)",
        "CREATE INDEX IF NOT EXISTS recordings_call ON recordings (call_id)",
        $"""
        CREATE TABLE IF NOT EXISTS recording_access (
            id {dialect.IdentityPrimaryKey},
            recording_id TEXT NOT NULL,
            at BIGINT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS recording_access_recording ON recording_access (recording_id, at)",
    ];
}
