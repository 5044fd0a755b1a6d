using System.Text.RegularExpressions;

namespace Calltrail.Server.Tests.Security;

/// <summary>Values for a route's parameters, so a route taken from the route table can be called.</summary>
internal static partial class Placeholders
{
    /// <summary>Ids of nothing in particular: enough to reach the endpoint.</summary>
    public static readonly IReadOnlyDictionary<string, string> Stranger = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/api/tenants/{id}"] = "matrix-tenant",
        ["/api/queues/{id}"] = "matrix-queue",
        ["/api/employees/{id}"] = "matrix-employee",
        ["/api/tokens/{id}"] = "tok_0000000000000000",
        ["/api/recordings/{id}"] = "00000000-0000-0000-0000-000000000000",
        ["/api/tracking-numbers/{number}"] = "+15550109998",
        ["/api/exclusion-list/{number}"] = "+15550109997",
        ["/api/calls/{callId}"] = "matrix-call",
        ["/openapi/{documentName}"] = "v1",
    };

    /// <summary>
    /// Replaces each <c>{parameter}</c> with the value kept for the resource it names (the path up to and including
    /// it); a parameter with no value is a test to extend, so it fails loudly rather than being skipped.
    /// </summary>
    public static string Fill(string pattern, IReadOnlyDictionary<string, string> values) =>
        Parameter().Replace(pattern, match =>
        {
            var resource = pattern[..(match.Index + match.Length)];
            return values.TryGetValue(resource, out var value)
                ? Uri.EscapeDataString(value)
                : throw new InvalidOperationException($"No value for {match.Value} in {pattern}: add '{resource}' to the test's placeholders.");
        });

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
