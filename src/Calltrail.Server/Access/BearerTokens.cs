using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Access;

/// <summary>The administrator token from the environment (<c>CALLTRAIL_ADMIN_TOKEN</c>), for first setup and automation.</summary>
public sealed class AdminTokenOptions
{
    public const string EnvironmentVariable = "CALLTRAIL_ADMIN_TOKEN";

    public string? Token { get; set; }
}

/// <summary>
/// Reads <c>Authorization: Bearer TOKEN</c>. A request without one is anonymous (and gets 401 where a
/// permission is needed); a token that is not known fails. Tokens are compared in constant time.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AdminTokenOptions> admin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = header["Bearer ".Length..].Trim();
        if (IsAdminToken(presented))
        {
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principal(Roles.Administrator), SchemeName)));
        }

        return Task.FromResult(AuthenticateResult.Fail("The bearer token is not known."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var presentedUnknown = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        await (presentedUnknown
            ? Problem(StatusCodes.Status401Unauthorized, "The bearer token is not known", "Check the token, or ask an administrator for a new one.")
            : Problem(StatusCodes.Status401Unauthorized, "A bearer token is required",
                "Send 'Authorization: Bearer <token>'. Set CALLTRAIL_ADMIN_TOKEN when starting the server to have an administrator token."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "Not permitted", "This token's role does not hold the permission this request needs.");

    private bool IsAdminToken(string presented)
    {
        var expected = admin.Value.Token;
        return !string.IsNullOrEmpty(expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }

    private static ClaimsPrincipal Principal(string role)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, role), new(ClaimTypes.Role, role) };
        claims.AddRange(Roles.PermissionsOf(role).Select(p => new Claim(AccessSetup.PermissionClaim, p.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
    }

    private Task Problem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null,
            contentType: "application/problem+json");
    }
}
