using System.Globalization;
using System.Text;

namespace Calltrail.Service.Benchmarks.Measuring;

/// <summary>A markdown table, padded so it also reads well in a terminal; columns after the first are right-aligned.</summary>
public static class Markdown
{
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(Math.Max(h.Length, 3), all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        Row(headers);
        text.Append('|').AppendJoin('|', widths.Select((w, i) => i == 0 ? $" {new string('-', w)} " : $" {new string('-', w - 1)}: ")).Append("|\n");
        foreach (var row in all)
        {
            Row(row);
        }

        return text.ToString();

        void Row(IReadOnlyList<string> cells) =>
            text.Append('|').AppendJoin('|', cells.Select((c, i) => i == 0 ? $" {c.PadRight(widths[i])} " : $" {c.PadLeft(widths[i])} ")).Append("|\n");
    }

    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
