using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace Calltrail.Storage.Calls;

/// <summary>
/// One log's columns, for rewriting only what changed in an entry. Each log has seven indexes; SQLite
/// rewrites an index on UPDATE when the statement sets one of its columns (whatever the value), so an
/// entry whose employee did not change must not be written with <c>employee_id = …</c> — that alone is
/// several 4 KiB pages in the write-ahead log per event. An entry that did not change at all is not written,
/// on either engine.
/// </summary>
internal sealed class LogColumns
{
    private static readonly string[] Shared =
    [
        nameof(LogRow.StartedAt), nameof(LogRow.EndedAt), nameof(LogRow.Status), nameof(LogRow.Direction), nameof(LogRow.FromNumber),
        nameof(LogRow.ToNumber), nameof(LogRow.Via), nameof(LogRow.TenantId), nameof(LogRow.TrackingNumber), nameof(LogRow.Campaign),
        nameof(LogRow.EmployeeId), nameof(LogRow.QueueId), nameof(LogRow.DurationMs), nameof(LogRow.Path), nameof(LogRow.Recorded),
        nameof(LogRow.Classification), nameof(LogRow.Reasons),
    ];

    public static readonly LogColumns ContactCenter = new("contact_center_log",
    [
        .. Shared, nameof(LogRow.Setting), nameof(LogRow.Announce), nameof(LogRow.AutoPause), nameof(LogRow.Spans), nameof(LogRow.Paused),
        nameof(LogRow.UnprotectedPayment),
    ]);

    public static readonly LogColumns FieldService = new("field_service_log",
    [
        .. Shared, nameof(LogRow.CampaignCategory), nameof(LogRow.CampaignSource), nameof(LogRow.CampaignMedium),
        nameof(LogRow.RecordingSource), nameof(LogRow.NoRecordingReason),
    ]);

    private readonly PropertyInfo[] properties;
    private readonly ConcurrentDictionary<long, string> updates = new();

    private LogColumns(string table, string[] names)
    {
        Table = table;
        properties = [.. names.Select(n => typeof(LogRow).GetProperty(n)!)];
    }

    public string Table { get; }

    /// <summary>Which columns differ, one bit per column; 0 when the entry is the same.</summary>
    public long Changed(LogRow before, LogRow after)
    {
        var changed = 0L;
        for (var i = 0; i < properties.Length; i++)
        {
            if (!Equals(properties[i].GetValue(before), properties[i].GetValue(after)))
            {
                changed |= 1L << i;
            }
        }

        return changed;
    }

    /// <summary>An UPDATE setting exactly the columns in <paramref name="changed"/>; one text per set, so Dapper prepares each once.</summary>
    public string Update(long changed) => updates.GetOrAdd(changed, mask =>
    {
        var sets = new StringBuilder();
        for (var i = 0; i < properties.Length; i++)
        {
            if ((mask & (1L << i)) != 0)
            {
                sets.Append(sets.Length == 0 ? "" : ", ").Append(Column(properties[i].Name)).Append(" = @").Append(properties[i].Name);
            }
        }

        return $"UPDATE {Table} SET {sets} WHERE call_id = @CallId";
    });

    private static string Column(string property)
    {
        var column = new StringBuilder();
        foreach (var c in property)
        {
            column.Append(char.IsUpper(c) && column.Length > 0 ? "_" : "").Append(char.ToLowerInvariant(c));
        }

        return column.ToString();
    }
}
