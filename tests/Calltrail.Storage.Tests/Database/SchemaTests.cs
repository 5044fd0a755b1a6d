using System.Data.Common;
using Calltrail.Storage.Database;
using Calltrail.TestKit.Databases;
using Dapper;

namespace Calltrail.Storage.Tests.Database;

public sealed class SchemaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Creating_the_schema_twice_changes_nothing_and_records_the_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await Schema.EnsureCreatedAsync(database.Db);

        await using var connection = await database.Db.OpenAsync();
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_info")).ToList();
        Assert.Equal([Schema.Version], versions);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM contact_center_log"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_from_another_schema_version_is_refused_with_a_clear_message(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var connection = await database.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE schema_info SET version = 999");
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Schema.EnsureCreatedAsync(database.Db));
        Assert.Contains("schema version 999", refused.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_version_1_database_gains_the_recordings_tables_and_plan_versions_and_keeps_its_calls(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var connection = await database.Db.OpenAsync())
        {
            await connection.ExecuteAsync("DROP TABLE recording_access; DROP TABLE recordings");
            await MakeVersion2Async(connection);
            await connection.ExecuteAsync("UPDATE schema_info SET version = 1");
        }

        await Schema.EnsureCreatedAsync(database.Db);

        await using var upgraded = await database.Db.OpenAsync();
        Assert.Equal(Schema.Version, await upgraded.ExecuteScalarAsync<int>("SELECT version FROM schema_info"));
        Assert.Equal(0, await upgraded.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM recordings"));
        await AssertKeptAsync(upgraded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_version_2_database_gains_plan_versions_and_recording_agreements_once_and_keeps_its_rows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var connection = await database.Db.OpenAsync())
        {
            await MakeVersion2Async(connection);
            await connection.ExecuteAsync("ALTER TABLE recordings DROP COLUMN agreement");
            await connection.ExecuteAsync(
                """
                INSERT INTO recordings (id, call_id, session_id, started_at, status, channels, duration_ms, spans, paused, size_bytes, file)
                VALUES ('r1', 'kept', 's', 1, 'complete', '[]', 10, '[]', '[]', 44, 'f.ctrec')
                """);
        }

        await Schema.EnsureCreatedAsync(database.Db);
        await Schema.EnsureCreatedAsync(database.Db);

        await using var upgraded = await database.Db.OpenAsync();
        Assert.Equal([Schema.Version], await upgraded.QueryAsync<int>("SELECT version FROM schema_info"));
        await AssertKeptAsync(upgraded);
        Assert.Equal(("r1", (string?)null), await upgraded.QuerySingleAsync<(string, string?)>("SELECT id, agreement FROM recordings"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_version_3_database_gains_token_employees_and_keeps_its_tokens(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var connection = await database.Db.OpenAsync())
        {
            await connection.ExecuteAsync("ALTER TABLE api_tokens DROP COLUMN employee; UPDATE schema_info SET version = 3");
            await connection.ExecuteAsync(
                """
                INSERT INTO api_tokens (id, name, secret_hash, role, created_by, created_at)
                VALUES ('tok_kept', 'kept', 'hash', 'agent', 'administrator', 1)
                """);
        }

        await Schema.EnsureCreatedAsync(database.Db);
        await Schema.EnsureCreatedAsync(database.Db);

        await using var upgraded = await database.Db.OpenAsync();
        Assert.Equal([Schema.Version], await upgraded.QueryAsync<int>("SELECT version FROM schema_info"));
        Assert.Equal(("tok_kept", (string?)null), await upgraded.QuerySingleAsync<(string, string?)>("SELECT id, employee FROM api_tokens"));
    }

    /// <summary>The calls table as version 2 had it (no plan_version), with a call in it.</summary>
    private static async Task MakeVersion2Async(DbConnection connection)
    {
        await connection.ExecuteAsync("ALTER TABLE calls DROP COLUMN plan_version; UPDATE schema_info SET version = 2");
        await connection.ExecuteAsync(
            "INSERT INTO call_events (call_id, sequence, type, at, body, received_at) VALUES ('kept', 1, 'started', 0, '{}', 0)");
        await connection.ExecuteAsync(
            """
            INSERT INTO calls (call_id, settings_version, resolved, status, recorder_state, announced, plan, updated_at)
            VALUES ('kept', 1, TRUE, 'live', 'recording', FALSE, '{"kept":true}', 5)
            """);
    }

    private static async Task AssertKeptAsync(DbConnection upgraded)
    {
        Assert.Equal(1, await upgraded.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM call_events WHERE call_id = 'kept'"));
        var call = await upgraded.QuerySingleAsync<(string Plan, long UpdatedAt, long PlanVersion)>(
            "SELECT plan, updated_at, plan_version FROM calls WHERE call_id = 'kept'");
        Assert.Equal(("{\"kept\":true}", 5L, 0L), call);
    }

    [Fact]
    public async Task Sqlite_keeps_a_write_ahead_log_and_syncs_every_commit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connection = await database.Db.OpenAsync();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // 2 = FULL
    }
}
