using Calltrail.Server.Access;
using Calltrail.Settings;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>
/// <c>/api/queues</c>: the contact center's queues. Creating, renaming and deleting them is a phone
/// setting; their recording setting is a call recording setting, custom (sticky) once set and inherited
/// again only after <c>DELETE /api/queues/{id}/recording</c>.
/// </summary>
internal static class QueueEndpoints
{
    public static void MapQueues(this IEndpointRouteBuilder app)
    {
        var queues = app.MapGroup("/api/queues").WithTags("Queues").ForWholeOrganization();
        queues.MapGet("", List).Produces<QueueView[]>().RequirePermission(Permission.ViewCalls);
        queues.MapGet("/{id}", Get).Produces<QueueView>().ProducesProblem(404).RequirePermission(Permission.ViewCalls);
        queues.MapPut("/{id}", Put).Accepts<QueueBody>("application/json").Produces<QueueView>().Produces<QueueView>(201)
            .ProducesValidationProblem().RequirePermission(Permission.ManagePhoneSettings);
        queues.MapDelete("/{id}", Delete).Produces(204).ProducesProblem(404).RequirePermission(Permission.ManagePhoneSettings);
        queues.MapPut("/{id}/recording", PutRecording).Accepts<QueueRecordingBody>("application/json").Produces<QueueView>()
            .ProducesValidationProblem().ProducesProblem(404).RequirePermission(Permission.EditCallRecordingSettings);
        queues.MapDelete("/{id}/recording", ResetRecording).WithSummary("Resets the queue to the default: it inherits defaults.queue.record again.")
            .Produces<QueueView>().ProducesProblem(404).RequirePermission(Permission.EditCallRecordingSettings);
    }

    private static async Task<IResult> List(OrganizationStore store, CancellationToken cancellationToken) =>
        Answers.Ok((await store.ListQueuesAsync(cancellationToken)).Select(QueueView.Of));

    private static async Task<IResult> Get(string id, OrganizationStore store, CancellationToken cancellationToken) =>
        Answers.BadId(id) ?? (await store.GetQueueAsync(id, cancellationToken) is { } queue
            ? Answers.Ok(QueueView.Of(queue))
            : Answers.NotFound($"There is no queue '{id}'."));

    private static async Task<IResult> Put(string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = RequestBody.Read(context.Request);
        body.CheckId(id);
        var fields = body.Object("name");
        fields?.Required("name", "the queue's name, as people know it");
        var name = fields?.ShortText("name");
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        var caller = Caller.Of(context, clock);
        return Answers.Written(await store.SaveQueueAsync(id, name!, caller.Actor, caller.At, cancellationToken), QueueView.Of, $"/api/queues/{Answers.Segment(id)}");
    }

    private static async Task<IResult> Delete(string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context, clock);
        return Answers.BadId(id) ?? Answers.Deleted(await store.DeleteQueueAsync(id, caller.Actor, caller.At, cancellationToken));
    }

    private static async Task<IResult> PutRecording(string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = RequestBody.Read(context.Request);
        body.CheckId(id);
        var fields = body.Object("record");
        fields?.Required("record", "whether calls through this queue are recorded");
        var record = fields?.Bool("record");
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        var caller = Caller.Of(context, clock);
        return Answers.Written(await store.SetQueueRecordingAsync(id, new QueueSetting(record!.Value), caller.Actor, caller.At, cancellationToken), QueueView.Of);
    }

    private static async Task<IResult> ResetRecording(string id, HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context, clock);
        return Answers.BadId(id) ?? Answers.Written(await store.ResetQueueRecordingAsync(id, caller.Actor, caller.At, cancellationToken), QueueView.Of);
    }
}
