using System.Data.Common;
using System.Text;
using System.Text.Json;
using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;
using Calltrail.Storage.Database;
using Calltrail.Storage.Organization;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>
/// Stores call events and keeps both call logs true to them. A batch of requests is one transaction:
/// the events are stored, every touched call is folded from all its events and judged again, and
/// its records rewritten — so an answer of "accepted" means durable, and the records never lag the
/// events they came from. The events of a call this process committed last are taken from memory rather
/// than read back, and only log columns that changed are written (<see cref="LiveCallCache"/>, <see cref="LogWrites"/>). On PostgreSQL, servers sharing the database take turns per call
/// (<see cref="CallLocks"/>), and each committed plan is announced to all of them (<see cref="PlanChanges"/>).
/// </summary>
public sealed class CallStore(Db db, SettingsVersions versions, LiveEventReader reader) : IEventBatchStore
{
    /// <summary>Stored bodies already read back, by their text: a call not in <see cref="LiveCallCache"/> (another server wrote it last) has its events read again.</summary>
    private const int ParsedCacheLimit = 200_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LiveEvent> parsed = new(StringComparer.Ordinal);
    private readonly LiveCallCache cache = new();

    public async Task<BatchResult> ApplyAsync(IReadOnlyList<EventSubmission> submissions, long receivedAt, CancellationToken cancellationToken = default)
    {
        var callIds = submissions.SelectMany(s => s.Events).Select(e => e.CallId).Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CallLocks.TakeAsync(db.Dialect, connection, transaction, callIds);

        var rows = (await connection.QueryAsync<CallRow>(
                $"SELECT * FROM calls WHERE {db.Dialect.InList("call_id", "callIds")}", new { callIds }, transaction))
            .ToDictionary(r => r.CallId, StringComparer.Ordinal);

        // A call this process committed last (the row's plan version says so) is taken from memory; a call with
        // no row has nothing stored yet; any other is read back.
        var before = new Dictionary<string, CachedCall>(StringComparer.Ordinal);
        foreach (var callId in callIds)
        {
            if (!rows.TryGetValue(callId, out var row))
            {
                before[callId] = new CachedCall(0, new Dictionary<long, (LiveEvent, string)>(), null, null);
            }
            else if (cache.Get(callId, row.PlanVersion) is { } cached)
            {
                before[callId] = cached;
            }
        }

        var known = await LoadEventsAsync(connection, transaction, [.. callIds.Where(c => !before.ContainsKey(c))]);
        foreach (var (callId, call) in before)
        {
            // A copy: admitting adds to it, and the cached entry must stay as committed until this batch commits.
            known[callId] = new Dictionary<long, (LiveEvent, string)>(call.Events);
        }

        var current = await versions.CurrentAsync(cancellationToken);
        var starts = submissions.SelectMany(s => s.Events).Concat(known.Values.SelectMany(v => v.Values.Select(x => x.Event)))
            .Where(e => e.Start is not null);
        var tracking = await LoadTrackingNumbersAsync(connection, transaction, starts);
        var tenants = await LoadTenantsAsync(connection, transaction, submissions);

        var results = new List<SubmissionResult>(submissions.Count);
        var fresh = new List<(LiveEvent Event, string Body)>();
        foreach (var submission in submissions)
        {
            results.Add(Admit(submission, known, rows, tracking, tenants, current.Version, fresh));
        }

        // No ON CONFLICT: with the calls locked, every stored sequence was read above, so a duplicate here
        // is a bug, and failing the batch beats answering "accepted" for an event that was not stored.
        var writes = new RowWrites();
        writes.Events(
            """
            INSERT INTO call_events (call_id, sequence, type, at, body, received_at)
            VALUES (@CallId, @Sequence, @Type, @At, @Body, @ReceivedAt)
            """,
            fresh.Select(f => new
            {
                f.Event.CallId, f.Event.Sequence, Type = LiveEventNames.Types.NameOf(f.Event.Type), f.Event.At, f.Body, ReceivedAt = receivedAt,
            }).ToList());

        var updates = new List<CallUpdate>();
        var committing = new List<(CachedCall Call, bool Ended)>();
        foreach (var callId in fresh.Select(f => f.Event.CallId).Distinct(StringComparer.Ordinal))
        {
            var (update, call, ended) = await RejudgeAsync(rows[callId], known[callId], before.GetValueOrDefault(callId), receivedAt, writes, cancellationToken);
            updates.Add(update);
            committing.Add((call, ended));
        }

        await writes.ExecuteAsync(connection, transaction);
        await PlanChanges.SendAsync(db.Dialect, connection, transaction, updates);
        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < updates.Count; i++)
        {
            cache.Committed(updates[i].CallId, committing[i].Call, committing[i].Ended);
        }

        return new BatchResult(results, updates);
    }

    /// <summary>Checks one request against what is stored and admitted so far; admits all its new events or none.</summary>
    private SubmissionResult Admit(
        EventSubmission submission,
        Dictionary<string, Dictionary<long, (LiveEvent Event, string Body)>> known,
        Dictionary<string, CallRow> rows,
        IReadOnlyDictionary<string, TrackingRow> tracking,
        IReadOnlySet<string> tenants,
        long settingsVersion,
        List<(LiveEvent, string)> fresh)
    {
        var mine = new List<(LiveEvent Event, string Body)>();
        var repeated = 0;
        string? conflict = null;
        for (var i = 0; i < submission.Events.Count; i++)
        {
            var e = submission.Events[i];
            var body = LiveEventJson.Serialize(e);
            var stored = known.GetValueOrDefault(e.CallId)?.GetValueOrDefault(e.Sequence)
                ?? mine.FirstOrDefault(m => m.Event.CallId == e.CallId && m.Event.Sequence == e.Sequence);
            if (stored is { Body: { } existing })
            {
                if (existing == body)
                {
                    repeated++;
                }
                else
                {
                    // Named by what the sender sent only: the stored event may be another tenant's.
                    conflict ??= $"{submission.Prefix(i)}call '{e.CallId}' sequence {e.Sequence} is already stored with a different event";
                }

                continue;
            }

            mine.Add((e, body));
        }

        // Tenants before conflicts: a 409 would tell a limited token that another tenant's call has that sequence.
        var refused = Admission.OutsideTenants(submission, known, rows, tracking)
            ?? Admission.BadStart(submission, known, tracking, tenants);
        if (refused is not null)
        {
            return refused;
        }

        if (conflict is not null)
        {
            return new SubmissionResult(SubmissionOutcome.Conflict, 0, 0, conflict);
        }

        foreach (var (e, body) in mine)
        {
            if (!known.TryGetValue(e.CallId, out var events))
            {
                known[e.CallId] = events = [];
            }

            events[e.Sequence] = (e, body);
            fresh.Add((e, body));
            Remember(body, e);
            if (!rows.TryGetValue(e.CallId, out var row))
            {
                // The settings in force when a call is first heard of are the ones it is judged by.
                rows[e.CallId] = row = new CallRow { CallId = e.CallId, SettingsVersion = settingsVersion };
            }

            if (!row.Resolved && e.Start is { } start)
            {
                var resolved = TrackingRow.Resolve(start, tracking);
                row.Resolved = true;
                row.TenantId = resolved.TenantId;
                row.TrackingNumber = start.DialedTrackingNumber?.E164;
                row.Campaign = resolved.Campaign;
                row.CampaignCategory = resolved.Category;
                row.CampaignSource = resolved.Source;
                row.CampaignMedium = resolved.Medium;
            }
        }

        return new SubmissionResult(SubmissionOutcome.Accepted, mine.Count, repeated);
    }

    /// <param name="before">The call as last committed, when known (see <see cref="LiveCallCache"/>); else its log rows are written whole.</param>
    private async Task<(CallUpdate Update, CachedCall Committed, bool Ended)> RejudgeAsync(
        CallRow row, IReadOnlyDictionary<long, (LiveEvent Event, string Body)> events, CachedCall? before, long now, RowWrites writes,
        CancellationToken cancellationToken)
    {
        row.PlanVersion++;
        var snapshot = await versions.GetAsync(row.SettingsVersion, cancellationToken);
        var live = LiveCallFold.Fold(row.CallId, events.Values.Select(v => v.Event));
        var judgement = LiveJudge.Judge(live, snapshot.Settings, snapshot.Employees, row.TenantId);
        var audioBefore = row.RecorderState.Length == 0 ? AudioState.NotRecording : StoredPlan.State(row.RecorderState);
        var verdict = judgement.Verdict;
        var announceNow = judgement.AnnounceNow && !row.Announced;
        var plan = RecordingPlan.From(row.CallId, row.PlanVersion, row.TenantId, judgement);

        row.Status = ServiceNames.Statuses.NameOf(judgement.Status);
        row.Path = verdict?.Path.Id();
        row.Reasons = verdict is null ? null : LogEntries.ReasonList(verdict.Reasons);
        row.RecorderState = ServiceNames.AudioStates.NameOf(judgement.AudioNow);
        row.Announced |= announceNow;
        row.Plan = StoredPlan.From(plan, verdict).ToJson();
        row.Problems = judgement.Problems.Count == 0 ? null : JsonSerializer.Serialize(judgement.Problems.Select(p => new { field = p.Field, message = p.Message }));
        row.UpdatedAt = now;
        writes.Calls.Add(row);
        var contactCenter = verdict?.Logged.ContactCenter == true ? LogEntries.ContactCenter(LogEntries.Shared(live, judgement, row), verdict) : null;
        var fieldService = verdict?.Logged.FieldService == true ? LogEntries.FieldService(LogEntries.Shared(live, judgement, row), verdict, row) : null;
        writes.ContactCenter.Log(row.CallId, contactCenter, before is not null, before?.ContactCenter);
        writes.FieldService.Log(row.CallId, fieldService, before is not null, before?.FieldService);

        return (new CallUpdate(row.CallId, row.TenantId, judgement.Call?.User, judgement, audioBefore, announceNow, plan),
            new CachedCall(row.PlanVersion, events, contactCenter, fieldService), live.EndedAt is not null);
    }

    private async Task<Dictionary<string, Dictionary<long, (LiveEvent Event, string Body)>>> LoadEventsAsync(
        DbConnection connection, DbTransaction transaction, string[] callIds)
    {
        if (callIds.Length == 0)
        {
            return new Dictionary<string, Dictionary<long, (LiveEvent, string)>>(StringComparer.Ordinal);
        }

        var stored = await connection.QueryAsync<(string CallId, long Sequence, string Body)>(
            $"SELECT call_id, sequence, body FROM call_events WHERE {db.Dialect.InList("call_id", "callIds")}", new { callIds }, transaction);
        var known = new Dictionary<string, Dictionary<long, (LiveEvent, string)>>(StringComparer.Ordinal);
        foreach (var (callId, sequence, body) in stored)
        {
            if (!known.TryGetValue(callId, out var events))
            {
                known[callId] = events = [];
            }

            events[sequence] = (ReadStored(callId, sequence, body), body);
        }

        return known;
    }

    private void Remember(string body, LiveEvent e)
    {
        if (parsed.Count < ParsedCacheLimit)
        {
            parsed.TryAdd(body, e);
        }
    }

    private LiveEvent ReadStored(string callId, long sequence, string body)
    {
        if (parsed.TryGetValue(body, out var known))
        {
            return known;
        }

        var read = reader.Read(Encoding.UTF8.GetBytes(body));
        if (!read.IsValid)
        {
            throw new InvalidOperationException($"Stored event {callId}#{sequence} does not read back: {string.Join("; ", read.Problems)}");
        }

        if (parsed.Count >= ParsedCacheLimit)
        {
            parsed.Clear();
        }

        return parsed[body] = read.Events[0];
    }

    private async Task<IReadOnlyDictionary<string, TrackingRow>> LoadTrackingNumbersAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<LiveEvent> starts)
    {
        var numbers = starts.Select(e => e.Start!.DialedTrackingNumber?.E164).OfType<string>().Distinct().ToArray();
        if (numbers.Length == 0)
        {
            return new Dictionary<string, TrackingRow>();
        }

        var rows = await connection.QueryAsync<TrackingRow>(
            $"SELECT number, tenant_id, campaign, category, source, medium FROM tracking_numbers WHERE {db.Dialect.InList("number", "numbers")}",
            new { numbers }, transaction);
        return rows.ToDictionary(r => r.Number, StringComparer.Ordinal);
    }

    /// <summary>Of the tenants the requests' started events name, those that exist: read in the batch's transaction, so one deleted meanwhile is not used.</summary>
    private async Task<IReadOnlySet<string>> LoadTenantsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<EventSubmission> submissions)
    {
        var named = submissions.SelectMany(s => s.Events).Select(e => e.Start?.Tenant).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        if (named.Length == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var found = await connection.QueryAsync<string>($"SELECT id FROM tenants WHERE {db.Dialect.InList("id", "named")}", new { named }, transaction);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    private static T Parse<T>(Calltrail.Calls.Choices<T> choices, string name)
        where T : struct, Enum =>
        choices.TryGet(name, out var value) ? value : default;
}
