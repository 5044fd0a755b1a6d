using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Scenarios.Reading;
using Calltrail.Server.Http;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>
/// A request's JSON body, read whole before anything is changed. Every problem found is kept with the
/// camelCase path of its field (<c>campaign.name</c>, <c>queues[1]</c>) so the 400 names them all at once.
/// </summary>
internal sealed class RequestBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    private readonly Problems problems = new();

    private RequestBody(JsonElement? root) => Root = root;

    public JsonElement? Root { get; }

    public IReadOnlyList<ScenarioProblem> Problems => problems.All;

    public bool IsValid => problems.Count == 0;

    /// <summary>
    /// Reads the body <see cref="JsonBodyReader"/> checked (UTF-8, well-formed, within its limit); what is
    /// still wrong with it is a problem of the field <c>(body)</c>.
    /// </summary>
    public static RequestBody Read(HttpRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(JsonBody.Of(request.HttpContext), Options);
            return new RequestBody(document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            return Refused($"is not valid JSON (line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1})");
        }
    }

    /// <summary>The top-level object, allowing only <paramref name="known"/> properties; null once the body was refused.</summary>
    public JsonFields? Object(params string[] known)
    {
        // The top level has no field name of its own, so what is wrong with it is the body's problem.
        if (Root is { ValueKind: not JsonValueKind.Object } root)
        {
            Add("(body)", $"must be a JSON object, got {JsonFields.Describe(root)}");
            return null;
        }

        return JsonFields.Open(Root, "", problems, known);
    }

    /// <summary>Adds the problem with an id from the path, so it is reported with those of the body.</summary>
    public void CheckId(string id)
    {
        if (OrganizationNames.Problem(id) is { } problem)
        {
            Add("id", problem);
        }
    }

    public void Add(string field, string message) => problems.Add(field, message);

    private static RequestBody Refused(string message)
    {
        var body = new RequestBody(null);
        body.Add("(body)", message);
        return body;
    }
}
