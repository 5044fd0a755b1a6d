using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Calltrail.Server.Tests.Organization;

/// <summary>Requests and checks the organization's endpoint tests share.</summary>
internal static class OrganizationApi
{
    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, JsonBody(json));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, JsonBody(json));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, string json) =>
        client.PatchAsync(url, JsonBody(json));

    /// <summary>Sends and insists on success, for setting the scene.</summary>
    public static async Task<JsonNode> OkAsync(this Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text.Length == 0 ? "null" : text) ?? new JsonObject();
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A problem-details answer with <paramref name="status"/>, no stack trace, and (for 400) an error keyed by <paramref name="field"/>.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        if (field is not null)
        {
            var errors = problem["errors"]!.AsObject();
            Assert.True(errors.ContainsKey(field), $"no error for '{field}' in {errors.ToJsonString()}");
        }

        return problem;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);

    /// <summary>Compares JSON as JSON, not as text (which may escape characters differently).</summary>
    public static void Same(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}{Environment.NewLine}got      {actual?.ToJsonString()}");

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Path(string segment) => Uri.EscapeDataString(segment);

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, string method, string url, string? json = null) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = json is null ? null : JsonBody(json) });

    public static JsonContent Body(object value) => JsonContent.Create(value);
}
