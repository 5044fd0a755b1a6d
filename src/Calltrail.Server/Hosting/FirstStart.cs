using Calltrail.Server.Access;
using Calltrail.Storage.Database;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Hosting;

/// <summary>
/// Until the first call arrives, says in the log on every start how to get going: the admin token, the
/// demo organization, replaying an example, and where to look. Once calls come in it starts quietly.
/// </summary>
internal sealed partial class FirstStart(
    Db db, IOptions<AdminTokenOptions> admin, IServer server, IHostApplicationLifetime lifetime, ILogger<FirstStart> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        // Until the first call arrives the service is still being set up, so the guidance is shown.
        var calls = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM calls");
        var hasAdmin = !string.IsNullOrEmpty(admin.Value.Token);
        if (calls > 0)
        {
            if (!hasAdmin)
            {
                NoAdminToken(log);
            }

            return;
        }

        // The addresses are known only once the server listens.
        var organized = await connection.ExecuteScalarAsync<long>("SELECT (SELECT COUNT(*) FROM tenants) + (SELECT COUNT(*) FROM queues)") > 0;
        var steps = (hasAdmin ? string.Empty : "Stop the server and start it again with CALLTRAIL_ADMIN_TOKEN=<a long random secret> in the environment. ")
            + (organized
                ? "The organization is in place (GET /api/tenants, /api/queues, /api/employees). "
                : "Create the organization (docs/organization.md), or start again with --seed-demo for a demo one. ");
        lifetime.ApplicationStarted.Register(() => Guide(log, Address(), hasAdmin ? "$CALLTRAIL_ADMIN_TOKEN" : "<the secret you chose>", steps));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string Address() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No calls yet. To get going: {Steps}Replay an example as a live call: dotnet run --project src/Calltrail.Cli -- replay " +
        "--server {Address} --token {Token} spec/examples/06-payment-pause.scenario.json — then see it in both logs: " +
        "curl -H \"Authorization: Bearer {Token}\" {Address}/api/calls/contact-center (and /api/calls/field-service). " +
        "Calls are reported with POST /api/calls/events (docs/service.md); the API is described at {Address}/openapi/v1.json.")]
    private static partial void Guide(ILogger logger, string address, string token, string steps);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "CALLTRAIL_ADMIN_TOKEN is not set: only API tokens created earlier can call the API. Set it to have an administrator token.")]
    private static partial void NoAdminToken(ILogger logger);
}
