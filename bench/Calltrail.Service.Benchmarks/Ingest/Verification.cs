using Calltrail.Service.Benchmarks.Hosting;
using Dapper;

namespace Calltrail.Service.Benchmarks.Ingest;

/// <summary>
/// After the server was killed (SIGKILL, no graceful shutdown), reads the database directly: every call
/// answered 200 must be there, ended, with all its events, and each log must hold exactly the calls the
/// engine says it keeps — no call missing, none extra.
/// </summary>
internal static class Verification
{
    /// <param name="expected">Call id to (events, in the contact-center log, in the field-service log).</param>
    public static async Task<string> CheckAsync(Target target, IReadOnlyDictionary<string, (int Events, bool ContactCenter, bool FieldService)> expected)
    {
        using var db = target.Open();
        await using var connection = await db.OpenAsync();
        var problems = new List<string>();

        var calls = (await connection.QueryAsync<(string CallId, string Status)>("SELECT call_id, status FROM calls")).ToList();
        var stored = calls.Select(c => c.CallId).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Keys.Count(id => !stored.Contains(id));
        var extra = stored.Count(id => !expected.ContainsKey(id));
        var notEnded = calls.Count(c => c.Status != "ended");
        Check(missing == 0 && extra == 0, $"calls: {missing} missing, {extra} not sent");
        Check(notEnded == 0, $"calls: {notEnded} not ended");

        var events = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM call_events");
        Check(events == expected.Values.Sum(e => (long)e.Events), $"events: {events} stored, {expected.Values.Sum(e => (long)e.Events)} sent");

        await LogAsync("contact_center_log", expected.Where(e => e.Value.ContactCenter).Select(e => e.Key));
        await LogAsync("field_service_log", expected.Where(e => e.Value.FieldService).Select(e => e.Key));
        return problems.Count == 0 ? $"ok: {calls.Count:N0} calls, {events:N0} events, both logs exact" : string.Join("; ", problems);

        async Task LogAsync(string table, IEnumerable<string> shouldHold)
        {
            var held = (await connection.QueryAsync<string>($"SELECT call_id FROM {table}")).ToHashSet(StringComparer.Ordinal);
            var want = shouldHold.ToHashSet(StringComparer.Ordinal);
            Check(held.SetEquals(want), $"{table}: {want.Count(id => !held.Contains(id))} missing, {held.Count(id => !want.Contains(id))} extra");
        }

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
    }
}
