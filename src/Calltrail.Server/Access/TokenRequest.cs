using System.Text.Json;

namespace Calltrail.Server.Access;

/// <summary>
/// The body of <c>POST /api/tokens</c>, read strictly: unknown or repeated properties are refused, not
/// ignored, so a misspelt <c>tenant</c> can never mint a token for every tenant.
/// </summary>
internal sealed record TokenRequest(string Name, string Role, IReadOnlyList<string>? Tenants)
{
    public const int MaxNameLength = 100;

    private static readonly string[] Known = ["name", "role", "tenants"];

    /// <summary>The request, or null with <paramref name="problems"/> saying why not.</summary>
    public static async Task<TokenRequest?> ReadAsync(Stream body, FieldProblems problems, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return Read(document.RootElement, problems);
        }
        catch (JsonException e)
        {
            problems.Add("body", $"is not valid JSON: {e.Message}");
            return null;
        }
    }

    private static TokenRequest? Read(JsonElement root, FieldProblems problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("body", "must be a JSON object with name, role and (optionally) tenants");
            return null;
        }

        var fields = Fields(root, problems);
        var name = ReadName(fields.GetValueOrDefault("name"), problems);
        var role = ReadRole(fields.GetValueOrDefault("role"), problems);
        var tenants = ReadTenants(fields.GetValueOrDefault("tenants"), problems);
        return problems.Any ? null : new TokenRequest(name!, role!, tenants);
    }

    private static Dictionary<string, JsonElement> Fields(JsonElement root, FieldProblems problems)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (Array.IndexOf(Known, property.Name) < 0)
            {
                problems.Add(property.Name, $"unknown property (expected one of: {string.Join(", ", Known)})");
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                problems.Add(property.Name, "is given twice");
            }
        }

        return fields;
    }

    private static string? ReadName(JsonElement value, FieldProblems problems)
    {
        var name = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        var problem = value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => "is required: say who or what will use the token",
            not JsonValueKind.String => "must be a string",
            _ when name!.Length == 0 => "must not be empty",
            _ when name!.Length > MaxNameLength => $"must be at most {MaxNameLength} characters, got {name.Length}",
            _ when name!.Any(char.IsControl) => "must not contain control characters",
            _ => null,
        };
        return Accept("name", name, problem, problems);
    }

    private static string? ReadRole(JsonElement value, FieldProblems problems)
    {
        var role = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var roles = string.Join(", ", Roles.All);
        var problem = value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => $"is required: one of {roles}",
            not JsonValueKind.String => $"must be a string: one of {roles}",
            _ when !Roles.IsKnown(role!) => $"'{role}' is not a role; use one of {roles}",
            _ => null,
        };
        return Accept("role", role, problem, problems);
    }

    /// <summary>Absent or null: every tenant. Otherwise at least one tenant id, each once.</summary>
    private static IReadOnlyList<string>? ReadTenants(JsonElement value, FieldProblems problems)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            problems.Add("tenants", value.ValueKind == JsonValueKind.Array
                ? "must name at least one tenant; leave it out (or null) for a token that sees every tenant"
                : "must be an array of tenant ids, or null for every tenant");
            return null;
        }

        var tenants = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var tenant = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (string.IsNullOrEmpty(tenant))
            {
                problems.Add($"tenants[{index}]", "must be a tenant id (a non-empty string)");
            }
            else if (tenants.Contains(tenant, StringComparer.Ordinal))
            {
                problems.Add($"tenants[{index}]", $"'{tenant}' is listed twice");
            }
            else
            {
                tenants.Add(tenant);
            }

            index++;
        }

        return tenants;
    }

    private static string? Accept(string field, string? value, string? problem, FieldProblems problems)
    {
        if (problem is null)
        {
            return value;
        }

        problems.Add(field, problem);
        return null;
    }
}
