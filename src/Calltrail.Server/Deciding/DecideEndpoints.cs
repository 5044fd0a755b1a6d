using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Scenarios.Phones;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;
using Calltrail.Server.Access;
using Calltrail.Server.Http;

namespace Calltrail.Server.Deciding;

/// <summary><c>POST /api/decide</c>: the HTTP twin of <c>calltrail decide</c>, same body in, same JSON out.</summary>
public static class DecideEndpoints
{
    public static IEndpointRouteBuilder MapDecide(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/decide", Decide)
            .WithName("Decide")
            .WithSummary("Decide where a call is logged and recorded, and why (spec/scenario-format.md).")
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .RequirePermission(Permission.ViewCalls);
        return app;
    }

    private static IResult Decide(HttpContext context, ScenarioReader reader)
    {
        var file = reader.Read(JsonBody.Of(context));
        if (!file.IsValid)
        {
            return Refused(file.Problems);
        }

        var verdicts = file.Scenarios.Select(Decider.Decide).ToArray();
        return Results.Text(VerdictJson.Serialize(verdicts, file.IsArray), "application/json");
    }

    /// <summary>400 with problem details whose <c>errors</c> are keyed by the field each problem names.</summary>
    internal static IResult Refused(IReadOnlyList<ScenarioProblem> problems, string title = "The scenario was refused; nothing was decided.") =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail: string.Join("; ", problems),
            title: title);
}
