using System.Text.Json;
using Calltrail.Scenarios.Reading;

namespace Calltrail.Server.Access;

/// <summary>
/// The body of <c>POST /api/tokens</c>, read strictly: unknown or repeated properties are refused, not
/// ignored, so a misspelt <c>tenant</c> can never mint a token for every tenant.
/// </summary>
internal sealed record TokenRequest(string Name, string Role, IReadOnlyList<string>? Tenants, string? Employee = null)
{
    public const int MaxNameLength = 100;

    /// <summary>The request, or null with <paramref name="problems"/> saying why not.</summary>
    public static TokenRequest? Read(ReadOnlyMemory<byte> body, Problems problems)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(document.RootElement, problems);
        }
        catch (JsonException e)
        {
            problems.Add("(body)", $"is not valid JSON: {e.Message}");
            return null;
        }
    }

    private static TokenRequest? Read(JsonElement root, Problems problems)
    {
        // docs/access.md names a body that is not an object `(body)`, as the shared reader names one that is not JSON.
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("(body)", "must be a JSON object with name, role and (optionally) tenants and employee");
            return null;
        }

        var fields = JsonFields.Open(root, "", problems, "name", "role", "tenants", "employee")!;
        var roles = string.Join(", ", Roles.All);
        fields.Required("name", "say who or what will use the token");
        var name = fields.Text("name", NameProblem)?.Trim();
        fields.Required("role", $"one of {roles}");
        var role = fields.Text("role", given => Roles.IsKnown(given) ? null : $"'{given}' is not a role; use one of {roles}");
        var tenants = ReadTenants(fields, problems);
        var employee = fields.Text("employee", id => id.Length == 0 ? "must be an employee id (a non-empty string), or left out" : null);
        return problems.Count > 0 ? null : new TokenRequest(name!, role!, tenants, employee);
    }

    private static string? NameProblem(string name)
    {
        var trimmed = name.Trim();
        return trimmed switch
        {
            { Length: 0 } => "must not be empty",
            { Length: > MaxNameLength } => $"must be at most {MaxNameLength} characters, got {trimmed.Length}",
            _ when trimmed.Any(char.IsControl) => "must not contain control characters",
            _ => null,
        };
    }

    /// <summary>Absent or null: every tenant. Otherwise at least one tenant id, each once.</summary>
    private static IReadOnlyList<string>? ReadTenants(JsonFields fields, Problems problems)
    {
        if (fields.Get("tenants") is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() == 0)
        {
            problems.Add("tenants", "must name at least one tenant; leave it out (or null) for a token that sees every tenant");
            return null;
        }

        return fields.TextList("tenants", "an array of tenant ids, or null for every tenant",
            tenant => tenant.Length == 0 ? "must be a tenant id (a non-empty string)" : null);
    }
}
