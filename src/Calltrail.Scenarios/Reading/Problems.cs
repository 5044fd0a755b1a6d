using Calltrail.Calls;

namespace Calltrail.Scenarios.Reading;

/// <summary>
/// Problems found while reading, each with its field path (<c>call.transfer.atMs</c>, <c>queues[1]</c>);
/// capped so a hostile body cannot grow the report without end.
/// </summary>
public sealed class Problems
{
    public const int Limit = 50;

    private readonly List<ScenarioProblem> problems = [];

    public int Count => problems.Count;

    public IReadOnlyList<ScenarioProblem> All => problems;

    public void Add(string field, string message)
    {
        if (problems.Count < Limit)
        {
            problems.Add(new ScenarioProblem(field, message));
        }
    }

    /// <summary>The messages by field, first-named field first: the <c>errors</c> of a validation problem.</summary>
    public Dictionary<string, string[]> ByField() => problems
        .GroupBy(p => p.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);

    public static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";
}
