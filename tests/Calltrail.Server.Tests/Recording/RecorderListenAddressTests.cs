using System.Net;
using Calltrail.Recorder;
using Calltrail.Server.Recording;
using Calltrail.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>Unless told otherwise, the recorder listens where the HTTP service does: a service kept to loopback is not an open recorder.</summary>
public class RecorderListenAddressTests
{
    [Theory]
    [InlineData("http://localhost:5000", "127.0.0.1")]
    [InlineData("http://127.0.0.1:5000", "127.0.0.1")]
    [InlineData("http://127.0.0.5:5000", "127.0.0.5")]
    [InlineData("http://[::1]:5000", "::1")]
    [InlineData("http://localhost:5000;http://[::1]:5001", "127.0.0.1")]
    [InlineData("http://127.0.0.1:0;https://localhost:5001", "127.0.0.1")]
    [InlineData("http://*:8080", "0.0.0.0")]
    [InlineData("http://+:8080", "0.0.0.0")]
    [InlineData("http://0.0.0.0:8080", "0.0.0.0")]
    [InlineData("http://[::]:8080", "0.0.0.0")]
    [InlineData("http://calltrail.example.com:80", "0.0.0.0")]
    [InlineData("http://localhost:5000;http://*:8080", "0.0.0.0")]
    [InlineData("http://192.0.2.10:8080", "192.0.2.10")]
    [InlineData("http://127.0.0.1:5000;http://192.0.2.10:8080", "192.0.2.10")]
    [InlineData("http://[2001:db8::5]:8080", "2001:db8::5")]
    [InlineData("https://10.1.2.3", "10.1.2.3")]
    public void Of_Table(string urls, string expected)
    {
        Assert.Equal(expected, RecorderListenAddress.Of(urls.Split(';')));
    }

    [Theory]
    [InlineData(new string[0], "http://localhost:5000")] // Kestrel's default
    [InlineData(new[] { "urls=http://127.0.0.1:7000" }, "http://127.0.0.1:7000")]
    [InlineData(new[] { "http_ports=8080" }, "http://*:8080")] // ASPNETCORE_HTTP_PORTS, as in the container images
    [InlineData(new[] { "urls=http://127.0.0.1:7000", "http_ports=8080" }, "http://127.0.0.1:7000")]
    [InlineData(new[] { "urls=http://*:7000", "Kestrel:Endpoints:Web:Url=http://127.0.0.1:7001" }, "http://127.0.0.1:7001")]
    public void HttpUrls_FollowKestrelsPrecedence(string[] settings, string expected)
    {
        var configuration = Configuration(settings);

        Assert.Equal(expected, string.Join(";", RecorderListenAddress.HttpUrls(configuration)));
    }

    [Theory]
    [InlineData(new[] { "urls=http://*:8080", "Recorder:ListenAddress=127.0.0.1" }, "127.0.0.1")]
    [InlineData(new[] { "urls=http://127.0.0.1:8080", "Recorder:ListenAddress=0.0.0.0" }, "0.0.0.0")]
    [InlineData(new[] { "urls=http://127.0.0.1:8080" }, "127.0.0.1")]
    public void Resolve_AnExplicitSettingAlwaysWins(string[] settings, string expected)
    {
        Assert.Equal(expected, RecorderListenAddress.Resolve(Configuration(settings)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:0", "127.0.0.1")]
    [InlineData("http://0.0.0.0:0", "0.0.0.0")]
    public void Server_WithUrls_BindsSipWhereHttpListens(string urls, string expected)
    {
        using var server = new TestServer(b => b.UseSetting("urls", urls));

        var recorder = server.Services.GetRequiredService<SiprecServer>();

        Assert.Equal(IPAddress.Parse(expected), recorder.SipEndPoint?.Address);
    }

    [Fact]
    public void Server_WithoutUrls_BindsSipOnLoopbackOnly()
    {
        using var server = new TestServer();

        var recorder = server.Services.GetRequiredService<SiprecServer>();

        Assert.Equal(IPAddress.Loopback, recorder.SipEndPoint?.Address);
    }

    private static IConfiguration Configuration(string[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => s.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], (string?)kv[1])))
        .Build();
}
