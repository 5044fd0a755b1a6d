using System.Globalization;

namespace Calltrail.Service.Benchmarks;

/// <summary>A wrong or missing command-line value.</summary>
public sealed class ArgsException(string message) : Exception(message);

/// <summary><c>--name value</c> pairs; a name may repeat (<c>--server-env</c>).</summary>
public sealed class Args
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public static bool TryParse(string[] args, out Args parsed, out string problem)
    {
        parsed = new Args();
        problem = string.Empty;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"expected '--name value' at '{args[i]}'";
                return false;
            }

            var name = args[i][2..];
            if (!parsed.values.TryGetValue(name, out var list))
            {
                parsed.values[name] = list = [];
            }

            list.Add(args[i + 1]);
        }

        return true;
    }

    public string? Text(string name) => values.TryGetValue(name, out var list) ? list[^1] : null;

    public string Text(string name, string fallback) => Text(name) ?? fallback;

    public string Required(string name) => Text(name) ?? throw new ArgsException($"--{name} is required");

    public IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    public int Int(string name, int fallback) =>
        Text(name) is not { } text ? fallback
        : int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgsException($"--{name} must be a positive whole number, not '{text}'");

    public int[] Ints(string name, int[] fallback) =>
        Text(name) is not { } text ? fallback
        : [.. text.Split(',').Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgsException($"--{name} must be positive whole numbers separated by commas, not '{text}'"))];

    /// <summary>One of <paramref name="choices"/> (the first is the default).</summary>
    public string Choice(string name, params string[] choices)
    {
        var value = Text(name, choices[0]);
        return choices.Contains(value) ? value : throw new ArgsException($"--{name} must be one of {string.Join(", ", choices)}, not '{value}'");
    }

    /// <summary><c>--server-env NAME=VALUE</c>: extra environment for the server, to try a configuration without editing src/.</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment() =>
        All("server-env").Select(pair => pair.Split('=', 2) is [var key, var value] && key.Length > 0
                ? (key, value)
                : throw new ArgsException($"--server-env must be NAME=VALUE, not '{pair}'"))
            .ToDictionary(p => p.key, p => p.value, StringComparer.Ordinal);
}
