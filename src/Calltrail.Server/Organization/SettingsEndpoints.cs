using System.Text.Encodings.Web;
using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;
using Calltrail.Server.Access;
using Calltrail.Server.Http;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>
/// <c>/api/settings</c>: the whole organization's recording settings and seats in the scenario format's
/// <c>{"settings": …, "employees": …}</c> shape. PUT makes the settings exactly those given, in one
/// transaction (what <c>calltrail replay</c> does before each scenario); GET gives them back.
/// </summary>
internal static class SettingsEndpoints
{
    /// <summary>16 MiB: a whole organization in one body (about 50,000 employees), not the 1 MiB of one resource.</summary>
    public const int MaxBodyBytes = 16 << 20;

    public static void MapOrganizationSettings(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings").WithTags("Settings").ForWholeOrganization();
        settings.MapGet("", Export).Produces(200, contentType: "application/json").RequirePermission(Permission.ViewCalls);
        settings.MapPut("", Import)
            .WithSummary("Makes the settings exactly those given: queues, employees and tenants not listed go back to the defaults.")
            .Accepts<object>("application/json").WithBodyLimit(MaxBodyBytes).Produces<SettingsVersionView>().ProducesValidationProblem()
            .RequirePermission(Permission.EditCallRecordingSettings);
    }

    private static async Task<IResult> Export(OrganizationStore store, CancellationToken cancellationToken)
    {
        var snapshot = await store.ExportAsync(cancellationToken);
        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            OrganizationJson.Write(writer, snapshot.Settings, snapshot.Employees);
        }

        return Results.Bytes(buffer.ToArray(), "application/json");
    }

    private static async Task<IResult> Import(
        HttpContext context, ScenarioReader reader, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var file = reader.ReadOrganization(JsonBody.Of(context));
        var problems = file.IsValid ? BadIds(file) : file.Problems;
        if (problems.Count > 0)
        {
            return Answers.Invalid(problems);
        }

        var caller = Caller.Of(context, clock);
        var imported = await store.ImportAsync(file.Settings, file.Employees, caller.Actor, caller.At, cancellationToken);
        return Answers.Ok(new SettingsVersionView(imported.Version));
    }

    /// <summary>The format allows any non-empty name; the organization's ids are also short and printable.</summary>
    private static List<ScenarioProblem> BadIds(OrganizationFile file)
    {
        var cc = file.Settings.ContactCenter;
        var named = cc.Queues.Keys.Select(id => ("settings.contactCenter.queues", id))
            .Concat(cc.Users.Keys.Select(id => ("settings.contactCenter.users", id)))
            .Concat(file.Settings.FieldService.Keys.Select(id => ("settings.fieldService", id)))
            .Concat(file.Employees.Keys.Select(id => ("employees", id)));
        return [.. named
            .Select(n => (Field: $"{n.Item1}.{n.id}", Problem: OrganizationNames.Problem(n.id)))
            .Where(n => n.Problem is not null)
            .Select(n => new ScenarioProblem(n.Field, $"as an id, {n.Problem}"))];
    }
}

/// <summary>The settings version in force once the import committed; calls that start from now on are judged by it.</summary>
public sealed record SettingsVersionView(long Version);
