using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Calltrail.Server.Http;
using Calltrail.Server.Tests.Support;
using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Security;

/// <summary>
/// Every endpoint that takes a body — found in the server's own route table, so a new one cannot be
/// left out — against each kind of bad body, sent by the administrator (who may do anything): each is
/// refused with 400, 413 or 415 problem details, never a 500, and nothing in the database changes.
/// </summary>
public sealed class BadInputTests
{
    public static TheoryData<string> Kinds() => [.. BadBodies.Keys];

    private static readonly Dictionary<string, (Func<int, HttpContent> Body, HttpStatusCode Expected)> BadBodies = new()
    {
        ["invalid UTF-8"] = (_ => Json([.. "{\"name\": \""u8, 0xC3, 0x28, .. "\"}"u8]), HttpStatusCode.BadRequest),
        ["lone surrogate escape"] = (_ => Json("{\"name\": \"\\ud800\"}"u8.ToArray()), HttpStatusCode.BadRequest),
        ["over the size limit"] = (limit => Json(Encoding.UTF8.GetBytes($"{{\"name\": \"{new string('a', limit)}\"}}")), HttpStatusCode.RequestEntityTooLarge),
        ["no Content-Type"] = (_ => new ByteArrayContent("{\"name\": \"a\"}"u8.ToArray()), HttpStatusCode.UnsupportedMediaType),
        ["text/plain"] = (_ => new StringContent("{\"name\": \"a\"}", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType),
        ["malformed JSON"] = (_ => Json("{\"name\": "u8.ToArray()), HttpStatusCode.BadRequest),
        ["nested 1000 deep"] = (_ => Json(Encoding.UTF8.GetBytes(new string('[', 1000) + new string(']', 1000))), HttpStatusCode.BadRequest),
        ["empty"] = (_ => Json([]), HttpStatusCode.BadRequest),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_body_endpoint_refuses_it_without_a_500_and_changes_nothing(string kind)
    {
        using var server = new TestServer();
        var endpoints = BodyEndpoints(server);
        var before = await RowCountsAsync(server);
        var (body, expected) = BadBodies[kind];
        var wrong = new List<string>();

        foreach (var (method, url, limit) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body(limit) };
            using var response = await server.Admin().SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{method} {url}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {text[..Math.Min(200, text.Length)]}");
            }
        }

        Assert.True(endpoints.Count >= 13, $"only {endpoints.Count} body endpoints found in the route table");
        Assert.True(wrong.Count == 0, $"{kind}, expected {(int)expected}:\n{string.Join("\n", wrong)}");
        Assert.Equal(before, await RowCountsAsync(server));
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused_naming_its_field()
    {
        using var server = new TestServer();
        using var response = await server.Admin().PutAsync("/api/queues/sales", Json("{\"name\": \"Sales \\udc00\"}"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"name\":", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every POST, PUT and PATCH route, with its path parameters filled in and the body limit it declares.</summary>
    private static List<(string Method, string Url, int Limit)> BodyEndpoints(TestServer server) =>
        [.. server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<NoJsonBody>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH")
                .Select(m => (m, Url(e.RoutePattern), e.Metadata.GetMetadata<JsonBodyLimit>()?.Bytes ?? JsonBodyLimit.Default)))];

    private static string Url(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => parameter.Name == "number" ? "+15550142000" : "probe",
            _ => "",
        }))));

    /// <summary>How many rows each table holds: what "nothing changed" means here.</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(TestServer server)
    {
        await using var connection = await server.Db.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"");
        }

        return counts;
    }

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
