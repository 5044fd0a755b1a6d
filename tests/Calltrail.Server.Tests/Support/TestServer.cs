using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
            configure?.Invoke(builder);
        });
    }

    public string DataDirectory { get; }

    /// <summary>The server's services, for arranging state no endpoint sets.</summary>
    public IServiceProvider Services => factory.Services;

    public HttpClient Anonymous() => factory.CreateClient();

    public HttpClient WithToken(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Admin() => WithToken(AdminToken);

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
