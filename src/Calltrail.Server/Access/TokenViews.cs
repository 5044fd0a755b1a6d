using Calltrail.Storage.Access;

namespace Calltrail.Server.Access;

/// <summary>A token as the API shows it: never its secret. Times are Unix milliseconds.</summary>
public sealed record TokenView(
    string Id, string Name, string Role, IReadOnlyList<string>? Tenants, string? Employee, long CreatedAt, string CreatedBy, long? RevokedAt)
{
    internal static TokenView Of(ApiToken token) =>
        new(token.Id, token.Name, token.Role, token.Tenants, token.Employee, token.CreatedAt, token.CreatedBy, token.RevokedAt);
}

/// <summary>The answer to creating a token: the only time its secret is shown.</summary>
public sealed record CreatedTokenView(
    string Id, string Name, string Role, IReadOnlyList<string>? Tenants, string? Employee, long CreatedAt, string CreatedBy, string Token)
{
    internal static CreatedTokenView Of(ApiToken token, string secret) =>
        new(token.Id, token.Name, token.Role, token.Tenants, token.Employee, token.CreatedAt, token.CreatedBy, secret);
}

/// <summary>
/// <c>GET /api/me</c>: who the presented token says the caller is. Tenants null means every tenant;
/// employee is the employee the token belongs to, if any.
/// </summary>
public sealed record MeView(string Name, string Role, IReadOnlyList<string> Permissions, IReadOnlyList<string>? Tenants, string? Employee);
