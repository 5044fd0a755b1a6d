using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Storage.Organization;
using Microsoft.AspNetCore.Mvc;

namespace Calltrail.Server.Organization;

/// <summary>How the organization's endpoints answer: views as JSON, refusals as problem details.</summary>
internal static class Answers
{
    /// <summary>
    /// The API's JSON, camelCase; '+' and '&amp;' are written as themselves so phone numbers and names read
    /// plainly (the answers are JSON documents, never embedded in HTML).
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok<T>(T view) => Results.Json(view, Json);

    /// <summary>201 with the view and a Location header.</summary>
    public static IResult Created<T>(string location, T view) => new CreatedAt<T>(location, view);

    /// <summary>400 with problem details whose <c>errors</c> are keyed by the field each problem names.</summary>
    public static IResult Invalid(IReadOnlyList<ScenarioProblem> problems) => Problem(new HttpValidationProblemDetails(
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request was refused; nothing was changed.",
        Detail = string.Join("; ", problems),
    });

    public static IResult Invalid(string field, string message) => Invalid([new ScenarioProblem(field, message)]);

    /// <summary>400 naming <c>id</c> when a tenant, queue or employee id in the path breaks the rule for ids.</summary>
    public static IResult? BadId(string id) => OrganizationNames.Problem(id) is { } problem ? Invalid("id", problem) : null;

    public static IResult NotFound(string detail) =>
        Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail });

    public static IResult Forbidden(string title, string detail) =>
        Problem(new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = title, Detail = detail });

    /// <summary>The store's refusal as 400, 404 or 409; a conflict carries the facts the client may act on.</summary>
    public static IResult Refused(Refusal refusal)
    {
        if (refusal.Kind != RefusalKind.Conflict)
        {
            return refusal.Kind == RefusalKind.Invalid ? Invalid(refusal.Field, refusal.Message) : NotFound(refusal.Message);
        }

        var conflict = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict; nothing was changed.", Detail = refusal.Message };
        foreach (var (name, value) in refusal.Details)
        {
            conflict.Extensions[name] = value is long ms && name.EndsWith("At", StringComparison.Ordinal) ? Time(ms) : value;
        }

        return Problem(conflict);
    }

    /// <summary>200 with the view, 201 with a Location when the change created the thing, or the refusal.</summary>
    public static IResult Written<T, TView>(Written<T> written, Func<T, TView> view, string? location = null)
    {
        if (!written.Succeeded)
        {
            return Refused(written.Refusal);
        }

        return written.Created && location is not null ? Created(location, view(written.Value)) : Ok(view(written.Value));
    }

    /// <summary>204 once a delete is done, or the refusal.</summary>
    public static IResult Deleted<T>(Written<T> written) => written.Succeeded ? Results.NoContent() : Refused(written.Refusal);

    /// <summary>Times in the API: ISO 8601 in UTC, to the millisecond.</summary>
    public static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Segment(string value) => Uri.EscapeDataString(value);

    private static IResult Problem(ProblemDetails problem)
    {
        problem.Type ??= problem.Status switch
        {
            400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            _ => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        };
        // As object, so the runtime type (with its errors) is what gets written.
        return Results.Json<object>(problem, Json, "application/problem+json", problem.Status);
    }

    private sealed class CreatedAt<T>(string location, T view) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return Results.Json(view, Json, statusCode: StatusCodes.Status201Created).ExecuteAsync(httpContext);
        }
    }
}
