using Calltrail.Scenarios.Phones;
using Calltrail.Server.Access;
using Calltrail.Settings;
using Calltrail.Storage.Organization;
using Microsoft.AspNetCore.Mvc;

namespace Calltrail.Server.Organization;

/// <summary>
/// <c>/api/employees</c>: who works in the contact center and the field service, their seats, direct
/// lines, queues and roles; and each one's recording setting, custom (sticky) once set and inherited
/// again only after <c>DELETE /api/employees/{id}/recording</c>.
/// </summary>
internal static class EmployeeEndpoints
{
    public static void MapEmployees(this IEndpointRouteBuilder app)
    {
        var employees = app.MapGroup("/api/employees").WithTags("Employees").ForWholeOrganization();
        employees.MapGet("", List).Produces<EmployeeView[]>().RequirePermission(Permission.ViewCalls);
        employees.MapGet("/{id}", Get).Produces<EmployeeView>().ProducesProblem(404).RequirePermission(Permission.ViewCalls);
        employees.MapPut("/{id}", Put).Accepts<EmployeeBody>("application/json").Produces<EmployeeView>().Produces<EmployeeView>(201)
            .ProducesValidationProblem().ProducesProblem(409).RequirePermission(Permission.ManageEmployees);
        employees.MapDelete("/{id}", Delete).Produces(204).ProducesProblem(404).RequirePermission(Permission.ManageEmployees);
        employees.MapPut("/{id}/recording", PutRecording).Accepts<EmployeeRecordingBody>("application/json").Produces<EmployeeView>()
            .ProducesValidationProblem().ProducesProblem(404).RequirePermission(Permission.EditCallRecordingSettings);
        employees.MapDelete("/{id}/recording", ResetRecording).WithSummary("Resets the employee to the defaults: they inherit defaults.user again.")
            .Produces<EmployeeView>().ProducesProblem(404).RequirePermission(Permission.EditCallRecordingSettings);
    }

    private static async Task<IResult> List(OrganizationStore store, CancellationToken cancellationToken) =>
        Answers.Ok((await store.ListEmployeesAsync(cancellationToken)).Select(EmployeeView.Of));

    private static async Task<IResult> Get(string id, OrganizationStore store, CancellationToken cancellationToken) =>
        Answers.BadId(id) ?? (await store.GetEmployeeAsync(id, cancellationToken) is { } employee
            ? Answers.Ok(EmployeeView.Of(employee))
            : Answers.NotFound($"There is no employee '{id}'."));

    private static async Task<IResult> Put(
        string id, HttpContext context, [FromServices] PhoneNumberParser phones, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = RequestBody.Read(context.Request);
        body.CheckId(id);
        var fields = body.Object("name", "seat", "directLine", "queues", "role");
        fields?.Required("name", "the employee's name");
        var details = fields is null ? null : new EmployeeDetails(
            fields.ShortText("name") ?? "",
            fields.Bool("seat") ?? true,
            fields.Phone("directLine", phones),
            fields.Ids("queues") ?? [],
            fields.ShortText("role"));
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        var caller = Caller.Of(context, clock);
        var written = await store.SaveEmployeeAsync(id, details!, caller.Actor, caller.At, cancellationToken);
        return Answers.Written(written, EmployeeView.Of, $"/api/employees/{Answers.Segment(id)}");
    }

    private static async Task<IResult> Delete(string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context, clock);
        return Answers.BadId(id) ?? Answers.Deleted(await store.DeleteEmployeeAsync(id, caller.Actor, caller.At, cancellationToken));
    }

    private static async Task<IResult> PutRecording(string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = RequestBody.Read(context.Request);
        body.CheckId(id);
        var fields = body.Object("inbound", "outbound");
        fields?.Required("inbound", "whether the employee's direct-line and agent-handled calls are recorded");
        fields?.Required("outbound", "whether the calls the employee places are recorded");
        var (inbound, outbound) = (fields?.Bool("inbound"), fields?.Bool("outbound"));
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        var caller = Caller.Of(context, clock);
        var written = await store.SetEmployeeRecordingAsync(id, new UserSetting(inbound!.Value, outbound!.Value), caller.Actor, caller.At, cancellationToken);
        return Answers.Written(written, EmployeeView.Of);
    }

    private static async Task<IResult> ResetRecording(string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context, clock);
        return Answers.BadId(id) ?? Answers.Written(await store.ResetEmployeeRecordingAsync(id, caller.Actor, caller.At, cancellationToken), EmployeeView.Of);
    }
}
