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
        lifetime.ApplicationStarted.Register(() => Guide(log, Address(), hasAdmin ? "$CALLTRAIL_ADMIN_TOKEN" : "<the secret you chose>",
            hasAdmin ? string.Empty : "1. Stop the server and start it again with CALLTRAIL_ADMIN_TOKEN=<a long random secret> in the environment. "));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string Address() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No calls yet. To get going: {AdminStep}" +
        "2. Create the organization (docs/organization.md), or start with --seed-demo for a demo one (tenants north and south, " +
        "queues, employees, tracking numbers). 3. Replay an example as a live call: dotnet run --project src/Calltrail.Cli -- replay " +
        "--server {Address} --token {Token} spec/examples/06-payment-pause.scenario.json. 4. See it in both logs: " +
        "curl -H 'Authorization: Bearer {Token}' {Address}/api/calls/contact-center (and /api/calls/field-service). " +
        "The API is described at {Address}/openapi/v1.json.")]
    private static partial void Guide(ILogger logger, string address, string token, string adminStep);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "CALLTRAIL_ADMIN_TOKEN is not set: only API tokens created earlier can call the API. Set it to have an administrator token.")]
    private static partial void NoAdminToken(ILogger logger);
}
