namespace Calltrail.TestKit;

/// <summary>A worked example of the spec: a scenario file and the verdict it must produce.</summary>
public sealed record SpecExample(string Name, string ScenarioPath, string VerdictPath);

/// <summary>
/// The spec's worked examples: the copy in this repository (spec/examples) and, when the checkout sits
/// beside the product's shared spec, those too — so examples added there are checked without a copy step.
/// </summary>
public static class SpecExamples
{
    private static readonly Lazy<IReadOnlyList<SpecExample>> Found = new(Find);

    public static IReadOnlyList<SpecExample> All => Found.Value;

    public static SpecExample Named(string name) => All.Single(e => e.Name == name);

    private static IReadOnlyList<SpecExample> Find()
    {
        var byName = new SortedDictionary<string, SpecExample>(StringComparer.Ordinal);
        foreach (var dir in new[] { Path.Combine(RepoPaths.SharedSpec, "examples"), Path.Combine(RepoPaths.Spec, "examples") })
        {
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var scenario in Directory.GetFiles(dir, "*.scenario.json"))
            {
                var name = Path.GetFileName(scenario)[..^".scenario.json".Length];
                var verdict = Path.Combine(dir, name + ".verdict.json");
                if (System.IO.File.Exists(verdict))
                {
                    byName.TryAdd(name, new SpecExample(name, scenario, verdict));
                }
            }
        }

        if (byName.Count == 0)
        {
            throw new InvalidOperationException($"No spec examples found under {RepoPaths.Spec}.");
        }

        return [.. byName.Values];
    }
}
