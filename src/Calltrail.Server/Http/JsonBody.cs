namespace Calltrail.Server.Http;

/// <summary>A request's body as <see cref="JsonBodyReader"/> read and checked it: UTF-8 JSON, within its limit.</summary>
internal sealed class JsonBody(byte[] utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;

    /// <summary>The checked body; an endpoint that asks without the reader in front of it is a bug, not bad input.</summary>
    public static ReadOnlyMemory<byte> Of(HttpContext context) =>
        context.Features.Get<JsonBody>()?.Utf8
            ?? throw new InvalidOperationException($"{context.Request.Method} {context.Request.Path} has no checked body: is UseJsonBodies in the pipeline?");
}

/// <summary>How many bytes an endpoint's body may have (endpoint metadata, <see cref="JsonBodies.WithBodyLimit"/>).</summary>
public sealed record JsonBodyLimit(int Bytes)
{
    /// <summary>1 MiB: any single resource, or a request of call events, is a small fraction of it.</summary>
    public const int Default = 1 << 20;
}

/// <summary>Marks a POST, PUT or PATCH endpoint that takes no body, so the reader leaves it alone.</summary>
public sealed record NoJsonBody;

public static class JsonBodies
{
    /// <summary>Puts <see cref="JsonBodyReader"/> in the pipeline, after authorization: a stranger hears 401, not 415.</summary>
    public static IApplicationBuilder UseJsonBodies(this IApplicationBuilder app) => app.UseMiddleware<JsonBodyReader>();

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, int bytes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new JsonBodyLimit(bytes));

    public static TBuilder WithoutBody<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new NoJsonBody());
}
