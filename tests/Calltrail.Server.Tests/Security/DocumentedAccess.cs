using System.Text.RegularExpressions;
using Calltrail.Server.Access;
using Calltrail.TestKit;

namespace Calltrail.Server.Tests.Security;

/// <summary>What docs/access.md ("Every endpoint and what it needs") promises for one endpoint.</summary>
/// <param name="Needs">The permission; null when any valid token (or, if <paramref name="Public"/>, anyone) may call it.</param>
/// <param name="RefusedWhenLimited">A tenant-limited token is refused (403) whatever its role.</param>
internal sealed partial record DocumentedAccess(bool Public, Permission? Needs, bool RefusedWhenLimited)
{
    private static readonly Lazy<IReadOnlyDictionary<string, DocumentedAccess>> Table = new(Read);

    public static IReadOnlyDictionary<string, DocumentedAccess> All => Table.Value;

    /// <summary>The promise for a route, or null when the page does not list it.</summary>
    public static DocumentedAccess? Of(Route route) => All.GetValueOrDefault(route.ToString());

    private static IReadOnlyDictionary<string, DocumentedAccess> Read()
    {
        var rows = new Dictionary<string, DocumentedAccess>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(RepoPaths.File("docs", "access.md")))
        {
            if (Row().Match(line) is not { Success: true } row)
            {
                continue;
            }

            // "`watch-desktops` (`view-calls` for the token's own employee)": the matrix asks for someone else's records.
            var permission = row.Groups["permission"].Value.Split(" (`")[0];
            rows.Add(row.Groups["endpoint"].Value, new DocumentedAccess(
                permission == "none (public)",
                permission.StartsWith('`') ? PermissionOf(permission.Trim('`')) : null,
                row.Groups["limited"].Value == "refused"));
        }

        return rows;
    }

    private static Permission PermissionOf(string name) =>
        PermissionNames.All.TryGet(name, out var permission) ? permission : throw new InvalidOperationException($"docs/access.md names no permission '{name}'.");

    [GeneratedRegex(@"^\| `(?<endpoint>(GET|POST|PUT|PATCH|DELETE) /[^`]*)` \| (?<permission>[^|]+?) \| (?<limited>own|refused) \|$")]
    private static partial Regex Row();
}
