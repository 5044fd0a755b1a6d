using System.Security.Claims;
using System.Security.Cryptography;
using Calltrail.Scenarios.Reading;
using Calltrail.Server.Http;
using Calltrail.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Calltrail.Server.Access;

/// <summary>
/// <c>/api/tokens</c>: administrators create, list and revoke API tokens; <c>/api/me</c> tells any caller
/// what its own token may do.
/// </summary>
public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokens(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/tokens")
            .WithTags("Access")
            .RequirePermission(Permission.ManageAccess)
            .AddEndpointFilter(ForEveryTenantOnly)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapPost("", Create)
            .WithSummary("Create an API token; its secret is in this answer and never again.")
            .Accepts<TokenRequest>("application/json");
        tokens.MapGet("", List).WithSummary("Every API token, revoked ones too, without secrets.");
        tokens.MapGet("/{id}", Get).WithSummary("One API token, without its secret.");
        tokens.MapDelete("/{id}", Revoke).WithSummary("Revoke an API token; it stops working at once.");
        app.MapMe();
        return app;
    }

    private static async Task<Results<Created<CreatedTokenView>, ValidationProblem>> Create(
        HttpRequest request, ClaimsPrincipal caller, TokenStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        var wanted = TokenRequest.Read(JsonBody.Of(request.HttpContext), problems);
        if (wanted is not null)
        {
            await CheckTenantsExistAsync(wanted, store, problems, cancellationToken);
            if (wanted.Employee is { } employee && !await store.EmployeeExistsAsync(employee, cancellationToken))
            {
                problems.Add("employee", $"'{employee}' is not an employee");
            }
        }

        if (wanted is null || problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.ByField(), title: "The token was refused; nothing was created.");
        }

        var secret = TokenSecret.New();
        var token = new ApiToken(
            NewId(), wanted.Name, wanted.Role, wanted.Tenants, caller.Identity!.Name!, clock.GetUtcNow().ToUnixTimeMilliseconds(), Employee: wanted.Employee);
        await store.CreateAsync(token, TokenSecret.Hash(secret), cancellationToken);
        // The only copy of the secret: no cache or proxy on the way may keep it.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/tokens/{token.Id}", CreatedTokenView.Of(token, secret));
    }

    private static async Task<Ok<TokenView[]>> List(TokenStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(TokenView.Of).ToArray());

    private static async Task<Results<Ok<TokenView>, ProblemHttpResult>> Get(string id, TokenStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } token ? TypedResults.Ok(TokenView.Of(token)) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string id, TokenStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        await store.RevokeAsync(id, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static async Task CheckTenantsExistAsync(TokenRequest wanted, TokenStore store, Problems problems, CancellationToken cancellationToken)
    {
        if (wanted.Tenants is not { } tenants)
        {
            return;
        }

        var missing = (await store.MissingTenantsAsync(tenants, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < tenants.Count; i++)
        {
            if (missing.Contains(tenants[i]))
            {
                problems.Add($"tenants[{i}]", $"'{tenants[i]}' is not a tenant");
            }
        }
    }

    /// <summary>
    /// A token limited to some tenants could otherwise mint one for every tenant, so managing tokens
    /// needs a token for all of them, whatever its role.
    /// </summary>
    private static async ValueTask<object?> ForEveryTenantOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        TenantScope.Of(context.HttpContext.User).IsLimited
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not permitted",
                detail: "This token is limited to some tenants. Only a token for every tenant may manage API tokens, since a new token could reach any tenant.")
            : await next(context);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such token", detail: $"There is no API token with id '{id}'.");

    /// <summary>Ids are public (they name a token in URLs and lists); only the secret must be unguessable.</summary>
    private static string NewId() => "tok_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
