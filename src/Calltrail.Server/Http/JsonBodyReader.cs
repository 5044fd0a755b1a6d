using Calltrail.Scenarios.Reading;
using Microsoft.Net.Http.Headers;

namespace Calltrail.Server.Http;

/// <summary>
/// The one reader of request bodies. Every POST, PUT and PATCH endpoint gets its body from here
/// (<see cref="JsonBody.Of"/>), already checked: JSON by its Content-Type (else 415), within the
/// endpoint's size (else 413), UTF-8 and well-formed with no lone surrogate (else 400 naming the
/// field). So no endpoint can answer 500 to a body, and a new endpoint gets the same rules unasked.
/// </summary>
internal sealed class JsonBodyReader(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || !HasBody(context.Request.Method)
            || endpoint.Metadata.GetMetadata<NoJsonBody>() is not null)
        {
            await next(context);
            return;
        }

        var limit = endpoint.Metadata.GetMetadata<JsonBodyLimit>()?.Bytes ?? JsonBodyLimit.Default;
        var refusal = NotJson(context.Request) ?? await ReadAsync(context, limit);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool HasBody(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);

    /// <summary>JSON is <c>application/json</c> or <c>application/*+json</c>, in UTF-8 (RFC 8259 allows no other charset).</summary>
    private static IResult? NotJson(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.SubTypeWithoutSuffix.HasValue
            && type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && (type.SubType.Equals("json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
            && (!type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var given = string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : $"Content-Type '{request.ContentType}'";
        return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON",
            detail: $"Send the body as 'Content-Type: application/json' (UTF-8); got {given}. Nothing was changed.");
    }

    private static async Task<IResult?> ReadAsync(HttpContext context, int limit)
    {
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        if (JsonText.Problem(bytes) is { } problem)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [problem.Field] = [problem.Message] },
                detail: problem.ToString(),
                title: "The body was refused; nothing was changed.");
        }

        context.Features.Set(new JsonBody(bytes));
        // Anything that still reads the stream reads the checked bytes.
        request.Body = new MemoryStream(bytes, writable: false);
        return null;
    }

    private static IResult TooLarge(int limit) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large",
            detail: $"This endpoint takes at most {limit} bytes. Nothing was changed.");
}
