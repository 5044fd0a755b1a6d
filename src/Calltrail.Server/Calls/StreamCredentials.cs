using System.Security.Claims;
using Calltrail.Server.Access;
using Calltrail.Server.Hosting;
using Calltrail.Storage.Access;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Calls;

/// <summary>
/// Keeps an open event stream honest about its credential: the token is looked up again every
/// <see cref="CalltrailOptions.StreamRecheckInterval"/>, and the stream ends once the token is gone,
/// revoked, limited to other tenants, or no longer allowed the stream. The request's authentication
/// happened once, at the start; a stream can outlive it by hours.
/// </summary>
public sealed class StreamCredentials(TokenStore tokens, [FromKeyedServices(StreamCredentials.ClockKey)] TimeProvider clock, IOptions<CalltrailOptions> options)
{
    /// <summary>The key of the clock the re-checks run on: the server's own, unless a test supplies one it can move.</summary>
    public const string ClockKey = "streams";

    /// <summary>Starts watching the credential of <paramref name="opened"/>; <paramref name="allows"/> is the stream's own access rule.</summary>
    internal CredentialWatch Watch(ClaimsPrincipal opened, Func<ClaimsPrincipal, bool> allows, CancellationToken requestAborted) =>
        CredentialWatch.Start(cancel => LapsedAsync(opened, allows, cancel), requestAborted);

    /// <summary>Waits until the credential no longer holds, and says why.</summary>
    private async Task<string> LapsedAsync(ClaimsPrincipal opened, Func<ClaimsPrincipal, bool> allows, CancellationToken cancellationToken)
    {
        var id = AccessPrincipal.TokenIdOf(opened);
        if (id is null)
        {
            // The administrator token from the environment cannot be revoked; only a restart changes it.
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken);
        }

        while (true)
        {
            await Task.Delay(options.Value.StreamRecheckInterval, clock, cancellationToken);
            var current = await tokens.GetAsync(id!, cancellationToken);
            if (Lapsed(opened, current, allows) is { } why)
            {
                return why;
            }
        }
    }

    /// <summary>Why the token as it is now no longer carries the stream it opened; null while it does.</summary>
    internal static string? Lapsed(ClaimsPrincipal opened, ApiToken? current, Func<ClaimsPrincipal, bool> allows)
    {
        if (current is null)
        {
            return "the token no longer exists";
        }

        if (current.IsRevoked)
        {
            return "the token was revoked";
        }

        var now = AccessPrincipal.For(current, opened.Identity?.AuthenticationType ?? BearerTokenHandler.SchemeName);
        if (!SameTenants(TenantScope.Of(opened), TenantScope.Of(now)))
        {
            return "the token's tenants changed; open the stream again";
        }

        return allows(now) ? null : "the token no longer allows this stream";
    }

    private static bool SameTenants(TenantScope opened, TenantScope now) =>
        (opened.Tenants, now.Tenants) switch
        {
            (null, null) => true,
            ({ } before, { } after) => before.Count == after.Count && before.All(after.Contains),
            _ => false,
        };
}
