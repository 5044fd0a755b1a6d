using System.Globalization;
using Calltrail.Phones;
using Dapper;

namespace Calltrail.Storage.Organization;

public sealed partial class OrganizationStore
{
    public Task<IReadOnlyList<ExclusionEntry>> ListExclusionsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ExclusionEntry>>(async (connection, transaction) =>
            [.. (await connection.QueryAsync<ExclusionRow>("SELECT number, added_by, added_at FROM excluded_numbers", transaction: transaction))
                .Select(r => r.ToEntry()).OrderBy(e => e.Number.E164, StringComparer.Ordinal)],
            cancellationToken);

    /// <summary>Puts a number on the exclusion list; a number already there is refused, saying who added it and when.</summary>
    public Task<Written<ExclusionEntry>> AddExclusionAsync(PhoneNumber number, string actor, long at, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async change =>
        {
            var existing = await change.QueryOneAsync<ExclusionRow>(
                "SELECT number, added_by, added_at FROM excluded_numbers WHERE number = @number", new { number = number.E164 });
            if (existing is not null)
            {
                return Written.Refused<ExclusionEntry>(AlreadyExcluded(existing.ToEntry()));
            }

            var entry = new ExclusionEntry(number, actor, at);
            await AddExclusionAsync(change, entry);
            return Written.Done(entry, created: true);
        }, cancellationToken);

    public Task<Written<ExclusionEntry>> RemoveExclusionAsync(PhoneNumber number, string actor, long at, CancellationToken cancellationToken = default) =>
        WriteAsync(actor, at, async change =>
        {
            var existing = await change.QueryOneAsync<ExclusionRow>(
                "SELECT number, added_by, added_at FROM excluded_numbers WHERE number = @number", new { number = number.E164 });
            if (existing is null)
            {
                return Written.Refused<ExclusionEntry>(RefusalKind.NotFound, "number", $"{number} is not on the exclusion list.");
            }

            await RemoveExclusionAsync(change, number);
            return Written.Done(existing.ToEntry());
        }, cancellationToken);

    private static async Task AddExclusionAsync(SettingsChange change, ExclusionEntry entry)
    {
        await change.AuditAsync(AuditValues.ExclusionSubject(entry.Number), null, AuditValues.Exclusion(entry.Number));
        await change.ExecuteAsync(
            "INSERT INTO excluded_numbers (number, added_by, added_at) VALUES (@number, @by, @at)",
            new { number = entry.Number.E164, by = entry.AddedBy, at = entry.AddedAt });
    }

    private static async Task RemoveExclusionAsync(SettingsChange change, PhoneNumber number)
    {
        await change.AuditAsync(AuditValues.ExclusionSubject(number), AuditValues.Exclusion(number), null);
        await change.ExecuteAsync("DELETE FROM excluded_numbers WHERE number = @number", new { number = number.E164 });
    }

    private static Refusal AlreadyExcluded(ExclusionEntry entry)
    {
        var when = DateTimeOffset.FromUnixTimeMilliseconds(entry.AddedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return new Refusal(RefusalKind.Conflict, "number", $"{entry.Number} is already on the exclusion list: {entry.AddedBy} added it at {when}.")
        {
            Details = new Dictionary<string, object?> { ["addedBy"] = entry.AddedBy, ["addedAt"] = entry.AddedAt },
        };
    }
}
