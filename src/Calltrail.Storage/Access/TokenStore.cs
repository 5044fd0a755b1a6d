using System.Text.Json;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Access;

/// <summary>API tokens in the <c>api_tokens</c> table. Revoking keeps the row (who had access, and when it ended).</summary>
public sealed class TokenStore(Db db)
{
    private const string Columns = "id, name, role, tenants, created_by, created_at, revoked_at, employee";

    /// <summary>Stores a new token (its <see cref="ApiToken.RevokedAt"/> is ignored: a token starts out working).</summary>
    public async Task CreateAsync(ApiToken token, string secretHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO api_tokens (id, name, secret_hash, role, tenants, created_by, created_at, employee)
            VALUES (@Id, @Name, @secretHash, @Role, @tenants, @CreatedBy, @CreatedAt, @Employee)
            """,
            new { token.Id, token.Name, secretHash, token.Role, tenants = TenantsJson(token.Tenants), token.CreatedBy, token.CreatedAt, token.Employee });
    }

    /// <summary>The token this secret hash belongs to, unless it was revoked.</summary>
    public async Task<ApiToken?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM api_tokens WHERE secret_hash = @secretHash AND revoked_at IS NULL", new { secretHash });
        return row?.ToToken();
    }

    /// <summary>Every token, revoked ones too, oldest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM api_tokens ORDER BY created_at, id");
        return [.. rows.Select(r => r.ToToken())];
    }

    public async Task<ApiToken?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>($"SELECT {Columns} FROM api_tokens WHERE id = @id", new { id });
        return row?.ToToken();
    }

    /// <summary>
    /// Revokes the token at <paramref name="at"/>; revoking it again keeps the first time. False when
    /// there is no such token.
    /// </summary>
    public async Task<bool> RevokeAsync(string id, long at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var touched = await connection.ExecuteAsync(
            "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id", new { id, at });
        return touched > 0;
    }

    /// <summary>Those of <paramref name="tenants"/> that are not tenants of the organization, in the order given.</summary>
    public async Task<IReadOnlyList<string>> MissingTenantsAsync(IEnumerable<string> tenants, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var missing = new List<string>();
        foreach (var id in tenants)
        {
            if (await connection.QueryFirstOrDefaultAsync<string>("SELECT id FROM tenants WHERE id = @id", new { id }) is null)
            {
                missing.Add(id);
            }
        }

        return missing;
    }

    /// <summary>Whether the organization has an employee with this id.</summary>
    public async Task<bool> EmployeeExistsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string>("SELECT id FROM employees WHERE id = @id", new { id }) is not null;
    }

    private static string? TenantsJson(IReadOnlyList<string>? tenants) =>
        tenants is null ? null : JsonSerializer.Serialize(tenants);

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string Role { get; set; } = "";

        public string? Tenants { get; set; }

        public string CreatedBy { get; set; } = "";

        public long CreatedAt { get; set; }

        public long? RevokedAt { get; set; }

        public string? Employee { get; set; }

        public ApiToken ToToken() => new(
            Id,
            Name,
            Role,
            Tenants is null ? null : JsonSerializer.Deserialize<string[]>(Tenants),
            CreatedBy,
            CreatedAt,
            RevokedAt,
            Employee);
    }
}
