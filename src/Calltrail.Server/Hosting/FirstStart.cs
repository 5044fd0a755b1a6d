using Calltrail.Server.Access;
using Calltrail.Storage.Database;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Hosting;

/// <summary>
/// On a start with an empty database, says in the log how to get going: the admin token, the demo
/// organization, replaying an example, and where to look. A database with anything in it starts quietly.
/// </summary>
internal sealed partial class FirstStart(
    Db db, IOptions<AdminTokenOptions> admin, IServer server, IHostApplicationLifetime lifetime, ILogger<FirstStart> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var things = await connection.ExecuteScalarAsync<long>(
            "SELECT (SELECT COUNT(*) FROM tenants) + (SELECT COUNT(*) FROM queues) + (SELECT COUNT(*) FROM api_tokens) + (SELECT COUNT(*) FROM calls)");
        var hasAdmin = !string.IsNullOrEmpty(admin.Value.Token);
        if (things > 0 && hasAdmin)
        {
            return;
        }

        if (things > 0)
        {
            NoAdminToken(log);
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
        "The database is empty: no organization, no tokens, no calls yet. To get going: {AdminStep}" +
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
