using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Calltrail.Storage.Access;
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
/// permission is needed); a token that is not known fails. The administrator token is compared in
/// constant time; an API token is looked up by its secret's hash on every request, so revoking one
/// takes effect at once, on every server sharing the database.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AdminTokenOptions> admin,
    TokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        if (IsAdminToken(presented))
        {
            return Success(AccessPrincipal.For(Roles.Administrator, Roles.Administrator, tenants: null, SchemeName));
        }

        if (await FindApiTokenAsync(presented) is { } token)
        {
            return Success(AccessPrincipal.For(token, SchemeName));
        }

        return AuthenticateResult.Fail("The bearer token is not known.");
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
        // Comparing digests keeps the time the same whatever the length of the guess, too.
        return !string.IsNullOrEmpty(expected)
            && CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private async Task<ApiToken?> FindApiTokenAsync(string presented) =>
        TokenSecret.LooksLikeOne(presented)
            ? await tokens.FindBySecretHashAsync(TokenSecret.Hash(presented), Context.RequestAborted)
            : null;

    private static AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    private Task Problem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null,
            contentType: "application/problem+json");
    }
}
