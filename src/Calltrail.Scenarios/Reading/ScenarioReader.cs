using System.Collections.Frozen;
using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Scenarios.Phones;
using Calltrail.Settings;

namespace Calltrail.Scenarios.Reading;

/// <summary>A scenario file as read: one scenario or an array of them, or why it was refused.</summary>
public sealed record ScenarioFile(bool IsArray, IReadOnlyList<Scenario> Scenarios, IReadOnlyList<ScenarioProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>An organization's recording settings and employee seats as read, or why they were refused.</summary>
public sealed record OrganizationFile(OrganizationSettings Settings, IReadOnlyDictionary<string, Employee> Employees, IReadOnlyList<ScenarioProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads the scenario contract (scenario-format.md) strictly. A file with any problem yields no
/// scenarios at all — never a partial result — and every problem names its field, with the array
/// index when the file is an array.
/// </summary>
public sealed class ScenarioReader(PhoneNumberParser phones)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
    };

    public ScenarioReader()
        : this(new PhoneNumberParser())
    {
    }

    public ScenarioFile Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    public ScenarioFile Read(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}" : "somewhere";
            return Refused(false, new ScenarioProblem("(file)", $"is not valid JSON ({where})"));
        }

        using (document)
        {
            return JsonText.IsReadable(document.RootElement)
                ? Read(document.RootElement)
                : Refused(false, new ScenarioProblem("(file)", JsonText.NotUnicode));
        }
    }

    public ScenarioFile Read(JsonElement root)
    {
        var problems = new Problems();
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                var one = ReadOne(root, string.Empty, problems);
                return problems.Count == 0 && one is not null ? new ScenarioFile(false, [one], []) : Refused(false, problems);
            case JsonValueKind.Array:
                var many = new List<Scenario>();
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    if (ReadOne(element, $"[{index}]", problems) is { } scenario)
                    {
                        many.Add(scenario);
                    }

                    index++;
                }

                return problems.Count == 0 ? new ScenarioFile(true, many, []) : Refused(true, problems);
            default:
                return Refused(false, new ScenarioProblem("(file)", $"must hold a scenario object or an array of them, not {JsonFields.Describe(root)}"));
        }
    }

    /// <summary>
    /// Reads <c>{"settings": …, "employees": …}</c>: a scenario without its call, the shape in which a
    /// whole organization's recording settings are exported and imported.
    /// </summary>
    public OrganizationFile ReadOrganization(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}" : "somewhere";
            return new OrganizationFile(OrganizationSettings.Default, FrozenDictionary<string, Employee>.Empty,
                [new ScenarioProblem("(body)", $"is not valid JSON ({where})")]);
        }

        using (document)
        {
            return JsonText.IsReadable(document.RootElement)
                ? ReadOrganization(document.RootElement)
                : new OrganizationFile(OrganizationSettings.Default, FrozenDictionary<string, Employee>.Empty, [new ScenarioProblem("(body)", JsonText.NotUnicode)]);
        }
    }

    public OrganizationFile ReadOrganization(JsonElement element)
    {
        var problems = new Problems();
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add("(body)", $"must be an object with settings and employees, got {JsonFields.Describe(element)}");
            return new OrganizationFile(OrganizationSettings.Default, FrozenDictionary<string, Employee>.Empty, problems.All);
        }

        var root = JsonFields.Open(element, string.Empty, problems, "settings", "employees")!;
        var settings = ReadSettings(root.Get("settings"), root.Field("settings"), problems);
        var employees = ReadEmployees(root.Get("employees"), root.Field("employees"), problems);
        return problems.Count == 0
            ? new OrganizationFile(settings, employees, [])
            : new OrganizationFile(OrganizationSettings.Default, FrozenDictionary<string, Employee>.Empty, problems.All);
    }

    private static ScenarioFile Refused(bool isArray, Problems problems) => new(isArray, [], problems.All);

    private static ScenarioFile Refused(bool isArray, ScenarioProblem problem) => new(isArray, [], [problem]);

    private Scenario? ReadOne(JsonElement element, string path, Problems problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path.Length == 0 ? "(scenario)" : path, $"must be a scenario object, got {JsonFields.Describe(element)}");
            return null;
        }

        var before = problems.Count;
        var root = JsonFields.Open(element, path, problems, "settings", "employees", "call")!;
        var settings = ReadSettings(root.Get("settings"), root.Field("settings"), problems);
        var employees = ReadEmployees(root.Get("employees"), root.Field("employees"), problems);
        root.Required("call", "the call to judge");
        var call = ReadCall(root.Get("call"), root.Field("call"), problems);
        if (problems.Count > before || call is null)
        {
            return null;
        }

        var scenario = new Scenario { Settings = settings, Employees = employees, Call = call };
        foreach (var problem in ScenarioValidation.Validate(scenario))
        {
            problems.Add(Problems.Join(path, problem.Field), problem.Message);
        }

        return problems.Count > before ? null : scenario;
    }

    private OrganizationSettings ReadSettings(JsonElement? element, string path, Problems problems)
    {
        var fields = JsonFields.Open(element, path, problems, "contactCenter", "fieldService");
        if (fields is null)
        {
            return OrganizationSettings.Default;
        }

        var fieldService = new Dictionary<string, FieldServiceSettings>(StringComparer.Ordinal);
        foreach (var (tenant, value, field) in JsonFields.Map(fields.Get("fieldService"), fields.Field("fieldService"), problems))
        {
            fieldService[tenant] = ReadFieldService(value, field, problems);
        }

        return new OrganizationSettings
        {
            ContactCenter = ReadContactCenter(fields.Get("contactCenter"), fields.Field("contactCenter"), problems),
            FieldService = fieldService.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private ContactCenterSettings ReadContactCenter(JsonElement? element, string path, Problems problems)
    {
        var cc = JsonFields.Open(element, path, problems,
            "defaults", "queues", "users", "transfers", "exclusionList", "announceRecording", "strictPaymentPause");
        if (cc is null)
        {
            return ContactCenterSettings.Default;
        }

        var defaults = cc.Object("defaults", "queue", "user");
        var queueDefault = defaults?.Object("queue", "record");
        var userDefault = defaults?.Object("user", "inbound", "outbound");
        var transfers = cc.Object("transfers", "record");
        var standard = RecordingDefaults.Default;

        return new ContactCenterSettings
        {
            Defaults = new RecordingDefaults(
                queueDefault?.Bool("record") ?? standard.QueueRecord,
                userDefault?.Bool("inbound") ?? standard.UserInbound,
                userDefault?.Bool("outbound") ?? standard.UserOutbound),
            Queues = ReadQueues(cc.Get("queues"), cc.Field("queues"), problems),
            Users = ReadUsers(cc.Get("users"), cc.Field("users"), problems),
            RecordAfterTransfer = transfers?.Bool("record") ?? true,
            ExclusionList = ReadExclusionList(cc.Get("exclusionList"), cc.Field("exclusionList"), problems),
            AnnounceRecording = cc.Bool("announceRecording") ?? false,
            StrictPaymentPause = cc.Bool("strictPaymentPause") ?? false,
        };
    }

    private static FrozenDictionary<string, QueueSetting> ReadQueues(JsonElement? element, string path, Problems problems)
    {
        var queues = new Dictionary<string, QueueSetting>(StringComparer.Ordinal);
        foreach (var (name, value, field) in JsonFields.Map(element, path, problems))
        {
            var queue = JsonFields.Open(value, field, problems, "record");
            if (queue is not null)
            {
                queue.Required("record", "a custom queue setting says whether the queue records");
                queues[name] = new QueueSetting(queue.Bool("record") ?? false);
            }
        }

        return queues.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, UserSetting> ReadUsers(JsonElement? element, string path, Problems problems)
    {
        var users = new Dictionary<string, UserSetting>(StringComparer.Ordinal);
        foreach (var (name, value, field) in JsonFields.Map(element, path, problems))
        {
            var user = JsonFields.Open(value, field, problems, "inbound", "outbound");
            if (user is not null)
            {
                user.Required("inbound", "a custom employee setting gives both directions");
                user.Required("outbound", "a custom employee setting gives both directions");
                users[name] = new UserSetting(user.Bool("inbound") ?? false, user.Bool("outbound") ?? false);
            }
        }

        return users.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private ExclusionList ReadExclusionList(JsonElement? element, string path, Problems problems)
    {
        if (element is not { } list)
        {
            return ExclusionList.Empty;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(path, $"must be an array of phone numbers, got {JsonFields.Describe(list)}");
            return ExclusionList.Empty;
        }

        var numbers = new List<PhoneNumber>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (JsonFields.Phone(item, $"{path}[{index++}]", problems, phones) is { } number)
            {
                numbers.Add(number);
            }
        }

        return new ExclusionList(numbers);
    }

    private static FieldServiceSettings ReadFieldService(JsonElement element, string path, Problems problems)
    {
        var fs = JsonFields.Open(element, path, problems, "inbound", "outbound", "usesContactCenter", "continuity");
        if (fs is null)
        {
            return FieldServiceSettings.Default;
        }

        var continuity = fs.Object("continuity", "enabled", "destination");
        return new FieldServiceSettings
        {
            Inbound = fs.Choice("inbound", ContractNames.RecordingModes) ?? RecordingMode.Automatically,
            Outbound = fs.Choice("outbound", ContractNames.RecordingModes) ?? RecordingMode.Automatically,
            UsesContactCenter = fs.Bool("usesContactCenter") ?? true,
            Continuity = continuity is null
                ? Continuity.Off
                : new Continuity(
                    continuity.Bool("enabled") ?? false,
                    continuity.Choice("destination", ContractNames.ContinuityDestinations) ?? ContinuityDestination.VoiceAgent),
        };
    }

    private static FrozenDictionary<string, Employee> ReadEmployees(JsonElement? element, string path, Problems problems)
    {
        var employees = new Dictionary<string, Employee>(StringComparer.Ordinal);
        foreach (var (name, value, field) in JsonFields.Map(element, path, problems))
        {
            var employee = JsonFields.Open(value, field, problems, "seat");
            employees[name] = new Employee(employee?.Bool("seat") ?? true);
        }

        return employees.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private Call? ReadCall(JsonElement? element, string path, Problems problems)
    {
        var call = JsonFields.Open(element, path, problems,
            "direction", "from", "to", "internal", "via", "tenant", "queue", "user", "handler", "transfer", "durationMs", "events");
        if (call is null)
        {
            return null;
        }

        call.Required("direction", $"one of {ContractNames.Directions.List}");
        var direction = call.Choice("direction", ContractNames.Directions);
        var via = call.Choice("via", ContractNames.Vias);
        var result = new Call
        {
            Direction = direction ?? Direction.Inbound,
            From = call.Phone("from", phones),
            To = call.Phone("to", phones),
            Internal = call.Bool("internal") ?? false,
            // Unsaid, a call came the ordinary way for its direction.
            Via = via ?? (direction == Direction.Outbound ? Via.ClickToCall : Via.TrackingNumber),
            Tenant = call.Text("tenant"),
            Queue = call.Text("queue"),
            User = call.Text("user"),
            Handler = call.Choice("handler", ContractNames.Handlers),
            Transfer = ReadTransfer(call.Get("transfer"), call.Field("transfer"), problems),
            DurationMs = call.Milliseconds("durationMs") ?? 0,
            Events = ReadEvents(call.Get("events"), call.Field("events"), problems),
        };
        return direction is null ? null : result;
    }

    private static Transfer? ReadTransfer(JsonElement? element, string path, Problems problems)
    {
        var transfer = JsonFields.Open(element, path, problems, "to", "atMs");
        if (transfer is null)
        {
            return null;
        }

        transfer.Required("to", $"one of {ContractNames.TransferTargets.List}");
        transfer.Required("atMs", "when the transfer happened, in ms from connect");
        var to = transfer.Choice("to", ContractNames.TransferTargets);
        var atMs = transfer.Milliseconds("atMs");
        return to is { } target && atMs is { } at ? new Transfer(target, at) : null;
    }

    private static CallEvent[] ReadEvents(JsonElement? element, string path, Problems problems)
    {
        if (element is not { } list)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(path, $"must be an array of events, got {JsonFields.Describe(list)}");
            return [];
        }

        var events = new List<CallEvent>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var e = JsonFields.Open(item, $"{path}[{index}]", problems, "type", "atMs");
            index++;
            if (e is null)
            {
                continue;
            }

            e.Required("type", $"one of {ContractNames.EventTypes.List}");
            e.Required("atMs", "when it happened, in ms from connect");
            if (e.Choice("type", ContractNames.EventTypes) is { } type && e.Milliseconds("atMs") is { } atMs)
            {
                events.Add(new CallEvent(type, atMs));
            }
        }

        return [.. events];
    }
}
