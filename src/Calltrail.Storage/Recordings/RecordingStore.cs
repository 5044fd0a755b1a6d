using System.Text.Json;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Recordings;

/// <summary>Which recordings to list. <see cref="AllowedTenants"/> (null: all) is the caller's tenant limit.</summary>
public sealed record RecordingFilter
{
    public string? CallId { get; init; }

    public string? Tenant { get; init; }

    public string? Status { get; init; }

    public IReadOnlyCollection<string>? AllowedTenants { get; init; }
}

/// <summary>The <c>recordings</c> and <c>recording_access</c> tables.</summary>
public sealed class RecordingStore(Db db)
{
    public const int MaxPageSize = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Registers a recording as it begins (status <c>recording</c>), before any audio is written.</summary>
    public async Task CreateAsync(StoredRecording recording, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO recordings (id, call_id, tenant_id, session_id, started_at, ended_at, status, channels,
                                    duration_ms, spans, paused, sha256, size_bytes, file)
            VALUES (@Id, @CallId, @Tenant, @SessionId, @StartedAt, @EndedAt, @Status, @channels,
                    @DurationMs, @spans, @paused, @Sha256, @SizeBytes, @File)
            """,
            new
            {
                recording.Id, recording.CallId, recording.Tenant, recording.SessionId, recording.StartedAt, recording.EndedAt,
                recording.Status, channels = Write(recording.Channels), recording.DurationMs, spans = Write(recording.Spans),
                paused = Write(recording.Paused), recording.Sha256, recording.SizeBytes, recording.File,
            });
    }

    /// <summary>Records how a recording ended (finished, or recovered after a crash).</summary>
    public async Task FinishAsync(string id, RecordingOutcome outcome, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE recordings SET status = @Status, ended_at = @EndedAt, duration_ms = @DurationMs, spans = @spans,
                                  paused = @paused, sha256 = @Sha256, size_bytes = @SizeBytes, agreement = @agreement
            WHERE id = @id
            """,
            new
            {
                id, outcome.Status, outcome.EndedAt, outcome.DurationMs, spans = Write(outcome.Spans),
                paused = Write(outcome.Paused), outcome.Sha256, outcome.SizeBytes,
                agreement = outcome.Agreement is null ? null : JsonSerializer.Serialize(outcome.Agreement, Json),
            });
    }

    /// <summary>Drops a recording's row (a recording that was discarded before it held any audio).</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM recordings WHERE id = @id", new { id });
    }

    /// <summary>The recording, or null if unknown or outside the caller's tenants.</summary>
    public async Task<StoredRecording?> GetAsync(string id, IReadOnlyCollection<string>? allowedTenants = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>("SELECT * FROM recordings WHERE id = @id", new { id });
        if (row is null || (allowedTenants is not null && (row.TenantId is null || !allowedTenants.Contains(row.TenantId))))
        {
            return null;
        }

        return row.ToRecording();
    }

    /// <summary>Recordings still marked as being written: after a crash, the ones to recover.</summary>
    public async Task<IReadOnlyList<StoredRecording>> InProgressAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("SELECT * FROM recordings WHERE status = @status ORDER BY started_at, id", new { status = RecordingStatus.Recording });
        return [.. rows.Select(r => r.ToRecording())];
    }

    /// <summary>A call's recordings that are no longer being written, oldest first.</summary>
    public async Task<IReadOnlyList<StoredRecording>> FinishedOfCallAsync(string callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            "SELECT * FROM recordings WHERE call_id = @callId AND status <> @status ORDER BY started_at, id", new { callId, status = RecordingStatus.Recording });
        return [.. rows.Select(r => r.ToRecording())];
    }

    /// <summary>Newest first (start time, then id), with an opaque cursor for the next page.</summary>
    public async Task<(IReadOnlyList<StoredRecording> Recordings, string? Next)> ListAsync(
        RecordingFilter filter, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var query = new NewestFirst(db.Dialect, "recordings", "id")
            .Equal("call_id", filter.CallId)
            .Equal("tenant_id", filter.Tenant)
            .Equal("status", filter.Status)
            .WithinTenants(filter.AllowedTenants)
            .After(cursor);
        var sql = query.Sql(limit);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(sql, query.Parameters)).Select(r => r.ToRecording()).ToList();
        return NewestFirst.Split(rows, limit, r => (r.StartedAt, r.Id));
    }

    /// <summary>The ids of each call's recordings, oldest first, and whether each agrees with the verdict, for linking the call logs to them.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(string Id, bool? Agrees)>>> IdsByCallAsync(
        IReadOnlyCollection<string> callIds, CancellationToken cancellationToken = default)
    {
        if (callIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<(string, bool?)>>();
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string CallId, string Id, string? Agreement)>(
            $"SELECT call_id, id, agreement FROM recordings WHERE {db.Dialect.InList("call_id", "callIds")} ORDER BY started_at, id",
            new { callIds = callIds.ToArray() });
        return rows.GroupBy(r => r.CallId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, bool?)>)[.. g.Select(r => (r.Id, r.Agreement is null ? (bool?)null : Read<RecordingAgreement>(r.Agreement).Agrees))],
                StringComparer.Ordinal);
    }

    public async Task RecordAccessAsync(RecordingAccess access, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO recording_access (recording_id, at, who, action, detail) VALUES (@RecordingId, @At, @Who, @Action, @Detail)",
            access);
    }

    /// <summary>Who listened to or downloaded the recording, oldest first.</summary>
    public async Task<IReadOnlyList<RecordingAccess>> AccessAsync(string recordingId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecordingAccess>(
            "SELECT recording_id, at, who, action, detail FROM recording_access WHERE recording_id = @recordingId ORDER BY at, id",
            new { recordingId });
        return [.. rows];
    }

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string CallId { get; set; } = "";

        public string? TenantId { get; set; }

        public string SessionId { get; set; } = "";

        public long StartedAt { get; set; }

        public long? EndedAt { get; set; }

        public string Status { get; set; } = "";

        public string Channels { get; set; } = "[]";

        public long DurationMs { get; set; }

        public string Spans { get; set; } = "[]";

        public string Paused { get; set; } = "[]";

        public string? Sha256 { get; set; }

        public long SizeBytes { get; set; }

        public string File { get; set; } = "";

        public string? Agreement { get; set; }

        public StoredRecording ToRecording() => new()
        {
            Id = Id, CallId = CallId, Tenant = TenantId, SessionId = SessionId, StartedAt = StartedAt, EndedAt = EndedAt,
            Status = Status, Channels = Read<RecordingChannel[]>(Channels), DurationMs = DurationMs, Spans = Read<RecordingSpan[]>(Spans),
            Paused = Read<RecordingSpan[]>(Paused), Sha256 = Sha256, SizeBytes = SizeBytes, File = File,
            Agreement = Agreement is null ? null : Read<RecordingAgreement>(Agreement),
        };
    }
}
