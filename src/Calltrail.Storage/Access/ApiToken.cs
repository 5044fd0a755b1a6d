namespace Calltrail.Storage.Access;

/// <summary>
/// An API token as stored: never its secret, only who it is for and what it may do. <see cref="Tenants"/>
/// null means every tenant; otherwise the token sees only those tenants. <see cref="Employee"/> is the
/// employee the token belongs to (an agent's own token), if any: whose desktop it may watch.
/// </summary>
public sealed record ApiToken(
    string Id,
    string Name,
    string Role,
    IReadOnlyList<string>? Tenants,
    string CreatedBy,
    long CreatedAt,
    long? RevokedAt = null,
    string? Employee = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
