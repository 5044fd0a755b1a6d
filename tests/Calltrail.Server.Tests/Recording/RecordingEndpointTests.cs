using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Recordings;
using Calltrail.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>The recordings API: listing, metadata, audio with ranges, permissions, tenant limits and the access log.</summary>
public sealed class RecordingEndpointTests
{
    [Fact]
    public async Task Audio_IsTheWavWithItsChecksum_AndRangesServeTheExactBytes()
    {
        using var server = new TestServer();
        var id = await StoredRecordings.ArrangeAsync(server, "call-1", tenant: null, seconds: 2);
        var admin = server.Admin();

        var metadata = JsonNode.Parse(await admin.GetStringAsync($"/api/recordings/{id}"))!;
        var whole = await admin.GetByteArrayAsync($"/api/recordings/{id}/audio");
        Assert.Equal(metadata["sha256"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(whole)));
        Assert.Equal(metadata["sizeBytes"]!.GetValue<long>(), whole.Length);
        Assert.Equal(44 + (2 * 8000 * 2 * 2), whole.Length);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{id}/audio");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var partial = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(whole.AsSpan(1000, 1000).ToArray(), await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/wav", partial.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Listening_NeedsThePermission_AndEveryListenAndDownloadIsAudited()
    {
        using var server = new TestServer();
        var id = await StoredRecordings.ArrangeAsync(server, "call-1", tenant: null, seconds: 1);
        var agent = server.WithToken(await server.CreateTokenAsync("agent"));
        var supervisor = server.WithToken(await server.CreateTokenAsync("supervisor"));

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/recordings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/recordings/{id}/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/recordings/{id}/audio")).StatusCode);
        using var download = await supervisor.GetAsync($"/api/recordings/{id}/audio?download=true");
        Assert.Equal($"{id}.wav", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);

        var access = JsonNode.Parse(await server.Admin().GetStringAsync($"/api/recordings/{id}/access"))!.AsArray();
        Assert.Equal(["listen", "download"], access.Select(a => a!["action"]!.GetValue<string>()));
        Assert.All(access, a => Assert.Equal("test supervisor", a!["who"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/api/recordings/{id}/access")).StatusCode);
    }

    [Theory]
    [InlineData("bytes=1000-1999", HttpStatusCode.PartialContent, "bytes=1000-1999")]
    [InlineData("bytes=-100", HttpStatusCode.PartialContent, "bytes=31944-32043")]
    [InlineData("bytes=32000-99999", HttpStatusCode.PartialContent, "bytes=32000-32043")]
    [InlineData("items=0-5", HttpStatusCode.OK, null)]
    [InlineData("bytes=0-1,5-9", HttpStatusCode.OK, null)]
    [InlineData("bytes=0-5, nonsense", HttpStatusCode.OK, null)]
    public async Task Audio_ServesOneByteRangeOrTheWholeFile_AndLogsWhatWasServed(string range, HttpStatusCode status, string? logged)
    {
        using var server = new TestServer();
        var id = await StoredRecordings.ArrangeAsync(server, "call-1", tenant: null, seconds: 1);
        var admin = server.Admin();
        var whole = await admin.GetByteArrayAsync($"/api/recordings/{id}/audio");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{id}/audio");
        request.Headers.TryAddWithoutValidation("Range", range);
        using var response = await admin.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        var access = JsonNode.Parse(await admin.GetStringAsync($"/api/recordings/{id}/access"))!.AsArray();
        Assert.Equal(logged, (string?)access[^1]!["detail"]);
        if (logged is null)
        {
            Assert.Equal(whole, body);
        }
        else
        {
            Assert.Equal(logged.Replace("=", " ", StringComparison.Ordinal) + $"/{whole.Length}", response.Content.Headers.ContentRange!.ToString());
        }
    }

    [Fact]
    public async Task Audio_ARangePastTheEnd_Is416_AndNotLoggedAsAListen()
    {
        using var server = new TestServer();
        var id = await StoredRecordings.ArrangeAsync(server, "call-1", tenant: null, seconds: 1);
        var admin = server.Admin();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{id}/audio");
        request.Headers.TryAddWithoutValidation("Range", "bytes=99999-");
        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */32044", response.Content.Headers.ContentRange?.ToString());
        Assert.Empty(JsonNode.Parse(await admin.GetStringAsync($"/api/recordings/{id}/access"))!.AsArray());
    }

    [Fact]
    public async Task Audio_AnOverlongRangeHeader_IsNeverStored()
    {
        using var server = new TestServer();
        var id = await StoredRecordings.ArrangeAsync(server, "call-1", tenant: null, seconds: 1);
        var admin = server.Admin();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/recordings/{id}/audio");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9" + new string(' ', 5000) + ",10-19");
        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = JsonNode.Parse(await admin.GetStringAsync($"/api/recordings/{id}/access"))!.AsArray();
        Assert.Null((string?)access.Single()!["detail"]);
    }

    [Fact]
    public async Task A_tenant_limited_token_sees_only_its_tenants_recordings()
    {
        using var server = new TestServer();
        await server.AddTenantAsync("north");
        await server.AddTenantAsync("south");
        var north = await StoredRecordings.ArrangeAsync(server, "call-n", tenant: "north", seconds: 1);
        var south = await StoredRecordings.ArrangeAsync(server, "call-s", tenant: "south", seconds: 1);
        var limited = server.WithToken(await server.CreateTokenAsync("supervisor", "north"));

        var listed = JsonNode.Parse(await limited.GetStringAsync("/api/recordings"))!["recordings"]!.AsArray();
        Assert.Equal([north], listed.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await limited.GetAsync($"/api/recordings/{south}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await limited.GetAsync($"/api/recordings/{south}/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync($"/api/recordings/{north}/audio")).StatusCode);
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=%%%", "cursor")]
    public async Task A_bad_query_is_400_naming_the_parameter(string query, string field)
    {
        using var server = new TestServer();

        using var response = await server.Admin().GetAsync($"/api/recordings?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    [Fact]
    public async Task An_unknown_recording_is_404()
    {
        using var server = new TestServer();

        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin().GetAsync("/api/recordings/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin().GetAsync("/api/recordings/nope/audio")).StatusCode);
    }
}
