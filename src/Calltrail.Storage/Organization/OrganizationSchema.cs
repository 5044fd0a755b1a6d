using Calltrail.Storage.Database;

namespace Calltrail.Storage.Organization;

/// <summary>The organization's tables: both systems' settings, who works where, and the settings audit.</summary>
internal static class OrganizationSchema
{
    public static IEnumerable<string> Statements(Dialect dialect) =>
    [
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
            custom_outbound BOOLEAN NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS employee_queues (
            employee_id TEXT NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
            queue_id TEXT NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
            PRIMARY KEY (employee_id, queue_id))
        """,
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
        "CREATE INDEX IF NOT EXISTS settings_audit_at ON settings_audit (at, id)",
        """
        CREATE TABLE IF NOT EXISTS settings_versions (
            version BIGINT PRIMARY KEY,
            snapshot TEXT NOT NULL,
            created_at BIGINT NOT NULL)
        """,
    ];
}
