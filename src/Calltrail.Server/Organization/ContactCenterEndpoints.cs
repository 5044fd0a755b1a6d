using Calltrail.Scenarios.Reading;
using Calltrail.Server.Access;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>
/// <c>/api/settings/contact-center</c>: the defaults, transfers, announcement and strict payment pause.
/// A changed default reaches only the queues and employees that inherit it; custom values are sticky.
/// </summary>
internal static class ContactCenterEndpoints
{
    public static void MapContactCenterSettings(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings/contact-center").WithTags("Contact-center settings").ForWholeOrganization();
        settings.MapGet("", Get).Produces<ContactCenterView>().RequirePermission(Permission.ViewCalls);
        settings.MapPatch("", Patch).Accepts<ContactCenterPatch>("application/json").Produces<ContactCenterView>()
            .ProducesValidationProblem().RequirePermission(Permission.EditCallRecordingSettings);
    }

    private static async Task<IResult> Get(OrganizationStore store, CancellationToken cancellationToken) =>
        Answers.Ok(ContactCenterView.Of(await store.GetContactCenterAsync(cancellationToken)));

    private static async Task<IResult> Patch(HttpContext context, OrganizationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = RequestBody.Read(context.Request);
        var change = body.Object("defaults", "transfers", "announceRecording", "strictPaymentPause") is { } fields ? Read(fields) : null;
        if (!body.IsValid)
        {
            return Answers.Invalid(body.Problems);
        }

        var caller = Caller.Of(context, clock);
        return Answers.Written(await store.ChangeContactCenterAsync(change!, caller.Actor, caller.At, cancellationToken), ContactCenterView.Of);
    }

    private static ContactCenterChange Read(JsonFields fields)
    {
        var defaults = fields.Object("defaults", "queue", "user");
        var queue = defaults?.Object("queue", "record");
        var user = defaults?.Object("user", "inbound", "outbound");
        return new ContactCenterChange(
            QueueRecord: queue?.Bool("record"),
            UserInbound: user?.Bool("inbound"),
            UserOutbound: user?.Bool("outbound"),
            TransfersRecord: fields.Object("transfers", "record")?.Bool("record"),
            AnnounceRecording: fields.Bool("announceRecording"),
            StrictPaymentPause: fields.Bool("strictPaymentPause"));
    }
}
