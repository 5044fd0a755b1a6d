using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Security;

/// <summary>
/// Every endpoint the server maps, read from its own route table — so a security test built on this list
/// covers an endpoint the day it is added, with nobody having to remember to list it.
/// </summary>
/// <param name="Anonymous">The endpoint asks for no token at all.</param>
internal sealed record Route(string Method, string Pattern, bool Anonymous)
{
    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => $"{Method} {Pattern}";

    public static IReadOnlyList<Route> Of(IServiceProvider services) =>
    [
        .. services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(FromEndpoint)
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal),
    ];

    private static IEnumerable<Route> FromEndpoint(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
        // A group's own route ("/api/tokens" + "") comes out with a trailing slash; requests are sent without.
        var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || !endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any();
        return methods.Select(m => new Route(m, pattern, anonymous));
    }
}
