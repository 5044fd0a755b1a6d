using Calltrail.Storage.Database;

namespace Calltrail.Storage.Organization;

/// <summary>
/// The organization's tables: both systems' settings, who works where, and the settings audit.
/// A NULL custom setting means the queue or employee inherits the defaults (sticky settings: only an
/// explicit reset writes NULL back). Times are unix milliseconds handed in by the caller.
/// </summary>
internal static class OrganizationSchema
{
    public static IEnumerable<string> Statements(Dialect dialect) =>
    [
        // One row every settings write updates first: on PostgreSQL its row lock serializes writers across
        // servers, on SQLite it takes the write lock at once, so version numbers never race.
        "CREATE TABLE IF NOT EXISTS settings_write_lock (id INTEGER PRIMARY KEY CHECK (id = 1))",
        "INSERT INTO settings_write_lock (id) VALUES (1) ON CONFLICT DO NOTHING",
        """
        CREATE TABLE IF NOT EXISTS contact_center_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            queue_record BOOLEAN NOT NULL,
            user_inbound BOOLEAN NOT NULL,
            user_outbound BOOLEAN NOT NULL,
            transfers_record BOOLEAN NOT NULL,
            announce_recording BOOLEAN NOT NULL,
            strict_payment_pause BOOLEAN NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS tenants (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            inbound TEXT NOT NULL,
            outbound TEXT NOT NULL,
            uses_contact_center BOOLEAN NOT NULL,
            continuity_enabled BOOLEAN NOT NULL,
            continuity_destination TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS tracking_numbers (
            number TEXT PRIMARY KEY,
            tenant_id TEXT NOT NULL REFERENCES tenants (id),
            campaign TEXT NOT NULL,
            category TEXT NULL,
            source TEXT NULL,
            medium TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS tracking_numbers_tenant ON tracking_numbers (tenant_id)",
        """
        CREATE TABLE IF NOT EXISTS queues (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            custom_record BOOLEAN NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS employees (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            seat BOOLEAN NOT NULL,
            direct_line TEXT NULL UNIQUE,
            role TEXT NULL,
            custom_inbound BOOLEAN NULL,
            custom_outbound BOOLEAN NULL,
            CHECK ((custom_inbound IS NULL) = (custom_outbound IS NULL)))
        """,
        """
        CREATE TABLE IF NOT EXISTS employee_queues (
            employee_id TEXT NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
            queue_id TEXT NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
            PRIMARY KEY (employee_id, queue_id))
        """,
        "CREATE INDEX IF NOT EXISTS employee_queues_queue ON employee_queues (queue_id)",
        """
        CREATE TABLE IF NOT EXISTS excluded_numbers (
            number TEXT PRIMARY KEY,
            added_by TEXT NOT NULL,
            added_at BIGINT NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS settings_audit (
            id {dialect.IdentityPrimaryKey},
            at BIGINT NOT NULL,
            actor TEXT NOT NULL,
            subject TEXT NOT NULL,
            before TEXT NULL,
            after TEXT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS settings_versions (
            version BIGINT PRIMARY KEY,
            snapshot TEXT NOT NULL,
            created_at BIGINT NOT NULL)
        """,
    ];
}
