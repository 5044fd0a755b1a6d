using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Calltrail.Storage.Database;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Support;

/// <summary>A server of its own for each test: its own data directory and admin token, nothing shared.</summary>
internal sealed class TestServer : IDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    private readonly WebApplicationFactory<Program> factory;

    public TestServer(Action<IWebHostBuilder>? configure = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), $"calltrail-server-test-{Guid.NewGuid():N}");
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Calltrail:DataDirectory", DataDirectory);
            builder.UseSetting("CALLTRAIL_ADMIN_TOKEN", AdminToken);
            // Every test server runs its recorder, each on a SIP port of its own.
            builder.UseSetting("Recorder:SipPort", "0");
            configure?.Invoke(builder);
        });
    }

    public string DataDirectory { get; }

    /// <summary>The server's services, for arranging state no endpoint sets.</summary>
    public IServiceProvider Services => factory.Services;
    /// <summary>The server's own database (starting the server, so its tables exist), for arranging rows with SQL.</summary>
    public Db Db => factory.Services.GetRequiredService<Db>();

    public HttpClient Anonymous() => factory.CreateClient();

    /// <summary>A handler that reaches this in-memory server, for clients built elsewhere (the CLI).</summary>
    public HttpMessageHandler Handler() => factory.Server.CreateHandler();

    public HttpClient WithToken(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Admin() => WithToken(AdminToken);

    /// <summary>
    /// Mints an API token through <c>POST /api/tokens</c> as the administrator and returns its secret.
    /// No tenants: a token for every tenant. The tenants named must exist (<see cref="AddTenantAsync"/>).
    /// </summary>
    public async Task<string> CreateTokenAsync(string role, params string[] tenants)
    {
        var body = JsonSerializer.Serialize(new { name = $"test {role}", role, tenants = tenants.Length == 0 ? null : tenants });
        using var response = await Admin().PostAsync("/api/tokens", Json.Body(body));
        var answer = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/tokens answered {(int)response.StatusCode}: {answer}");
        }

        return (string)JsonNode.Parse(answer)!["token"]!;
    }

    /// <summary>A tenant with the field-service defaults, straight into the database.</summary>
    public async Task AddTenantAsync(string id, string? name = null)
    {
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO tenants (id, name, inbound, outbound, uses_contact_center, continuity_enabled, continuity_destination)
            VALUES (@id, @name, 'automatically', 'automatically', TRUE, FALSE, 'voice-agent')
            ON CONFLICT (id) DO NOTHING
            """,
            new { id, name = name ?? id });
    }

    public void Dispose()
    {
        factory.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

internal static class Json
{
    public static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
