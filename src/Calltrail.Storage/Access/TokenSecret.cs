using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Calltrail.Storage.Access;

/// <summary>
/// Token secrets: 32 random bytes, shown to a person once. Only their SHA-256 is kept, so a copy of the
/// database does not hand out working tokens; a fast hash is enough because the secret is random, not a
/// password someone chose.
/// </summary>
public static class TokenSecret
{
    /// <summary>Marks a Calltrail API token, so a leaked one is recognisable (and secret scanners can find it).</summary>
    public const string Prefix = "ct_";

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lowercase hex SHA-256 of the secret's UTF-8 bytes: what the database keeps.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Could this be one of ours? Anything else need not be looked up.</summary>
    public static bool LooksLikeOne(string presented) => presented.StartsWith(Prefix, StringComparison.Ordinal);
}
