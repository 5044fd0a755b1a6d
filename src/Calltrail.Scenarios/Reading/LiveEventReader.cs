using System.Globalization;
using System.Text.Json;
using Calltrail.Calls;
using Calltrail.Live;
using Calltrail.Scenarios.Phones;

namespace Calltrail.Scenarios.Reading;

/// <summary>Call events as read from one request body, or why the whole body was refused.</summary>
public sealed record LiveEventBatch(IReadOnlyList<LiveEvent> Events, IReadOnlyList<ScenarioProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The body was an array, so its fields are named <c>[i].callId</c>.</summary>
    public bool IsArray { get; init; }
}

/// <summary>
/// Reads call events (docs/service.md, "Call events"): one event object or an array of them. Strict
/// like the scenario reader — each type takes only its own fields, unknown properties are refused, and
/// a body with any problem yields no events at all.
/// </summary>
public sealed class LiveEventReader(PhoneNumberParser phones)
{
    public const int MaxIdLength = 200;

    private static readonly string[] Common = ["callId", "sequence", "type", "at"];

    private static readonly Dictionary<LiveEventType, string[]> Extra = new()
    {
        [LiveEventType.Started] = ["direction", "from", "to", "via", "trackingNumber", "tenant", "employee", "queue", "internal"],
        [LiveEventType.Answered] = ["employee"],
        [LiveEventType.Claimed] = ["employee"],
        [LiveEventType.Transferred] = ["transferTo", "employee", "queue"],
        [LiveEventType.CallReasonSet] = ["reason", "isLead"],
    };

    /// <summary>Reads events as stored: the rules for received events (<see cref="Read(ReadOnlyMemory{byte}, DateTimeOffset)"/>) are not applied again.</summary>
    public LiveEventBatch Read(ReadOnlyMemory<byte> utf8) => Read(utf8, received: null);

    /// <summary>
    /// Reads events as received at <paramref name="now"/> (the server's clock): each call id must pass
    /// <see cref="CallIds"/> and each time <see cref="EventTimes"/>.
    /// </summary>
    public LiveEventBatch Read(ReadOnlyMemory<byte> utf8, DateTimeOffset now) => Read(utf8, received: now);

    private LiveEventBatch Read(ReadOnlyMemory<byte> utf8, DateTimeOffset? received)
    {
        // Text JsonDocument would parse but could not turn into strings (a lone surrogate escape) is refused here,
        // not thrown halfway through reading; the server's body reader has asked the same already.
        if (JsonText.Problem(utf8.Span) is { } unreadable)
        {
            return new LiveEventBatch([], [unreadable]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}" : "somewhere";
            return new LiveEventBatch([], [new ScenarioProblem("(body)", $"is not valid JSON ({where})")]);
        }

        using (document)
        {
            return Read(document.RootElement, received);
        }
    }

    public LiveEventBatch Read(JsonElement root) => Read(root, received: null);

    private LiveEventBatch Read(JsonElement root, DateTimeOffset? received)
    {
        var problems = new Problems();
        var events = new List<LiveEvent>();
        if (root.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                Add(ReadOne(element, $"[{index++}]", received, problems));
            }

            if (index == 0)
            {
                problems.Add("(body)", "is an empty array; send at least one event");
            }
        }
        else
        {
            Add(ReadOne(root, string.Empty, received, problems));
        }

        var isArray = root.ValueKind == JsonValueKind.Array;
        return problems.Count == 0 ? new LiveEventBatch(events, []) { IsArray = isArray } : new LiveEventBatch([], problems.All) { IsArray = isArray };

        void Add(LiveEvent? e)
        {
            if (e is not null)
            {
                events.Add(e);
            }
        }
    }

    private LiveEvent? ReadOne(JsonElement element, string path, DateTimeOffset? received, Problems problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path.Length == 0 ? "(body)" : path, $"must be an event object, got {JsonFields.Describe(element)}");
            return null;
        }

        var before = problems.Count;
        var type = PeekType(element, path, problems);
        var known = type is { } t && Extra.TryGetValue(t, out var extra) ? [.. Common, .. extra] : Common;
        var fields = JsonFields.Open(element, path, problems, known)!;
        fields.Required("callId", "the telephony's own id for the call");
        fields.Required("sequence", "the event's number in its call, for ordering and de-duplication");
        fields.Required("at", "when it happened: an ISO 8601 time with offset, or Unix milliseconds");
        var callId = fields.Text("callId");
        if (callId is { Length: > MaxIdLength })
        {
            problems.Add(fields.Field("callId"), $"must be at most {MaxIdLength} characters");
        }
        else if (received is not null && callId is not null && CallIds.Problem(callId) is { } badId)
        {
            problems.Add(fields.Field("callId"), badId);
        }

        var sequence = fields.Milliseconds("sequence");
        if (sequence < 0)
        {
            problems.Add(fields.Field("sequence"), $"must be 0 or more, got {sequence}");
        }

        var at = ReadTime(fields, "at", problems);
        if (received is { } now && at is { } ms && EventTimes.Problem(ms, now) is { } badTime)
        {
            problems.Add(fields.Field("at"), badTime);
            at = null;
        }
        if (type is null || problems.Count > before || callId is null || sequence is null || at is null)
        {
            return null;
        }

        var e = new LiveEvent(callId, sequence.Value, type.Value, at.Value);
        var detailed = type switch
        {
            LiveEventType.Started => e with { Start = ReadStart(fields, problems) },
            LiveEventType.Answered or LiveEventType.Claimed => e with { Employee = fields.Text("employee") },
            LiveEventType.Transferred => ReadTransfer(e, fields),
            LiveEventType.CallReasonSet => ReadReason(e, fields),
            _ => e,
        };
        if (received is not null)
        {
            CheckText(detailed, fields, problems);
        }

        return problems.Count > before ? null : detailed;
    }

    /// <summary>Names are stored in columns and shown on pages: a control character (a NUL above all) in one is a mistake, and some databases refuse it.</summary>
    private static void CheckText(LiveEvent e, JsonFields fields, Problems problems)
    {
        (string Field, string? Text)[] texts =
        [
            ("tenant", e.Start?.Tenant), ("employee", e.Start?.Employee ?? e.Employee), ("queue", e.Start?.Queue ?? e.Queue), ("reason", e.CallReason),
        ];
        foreach (var (field, text) in texts)
        {
            if (text is not null && text.Any(char.IsControl))
            {
                problems.Add(fields.Field(field), "must not contain control characters");
            }
        }
    }

    private static LiveEventType? PeekType(JsonElement element, string path, Problems problems)
    {
        var field = Problems.Join(path, "type");
        if (!element.TryGetProperty("type", out var type) || type.ValueKind == JsonValueKind.Null)
        {
            problems.Add(field, $"is required: one of {LiveEventNames.Types.List}");
            return null;
        }

        if (type.ValueKind == JsonValueKind.String && LiveEventNames.Types.TryGet(type.GetString()!, out var value))
        {
            return value;
        }

        problems.Add(field, $"must be one of {LiveEventNames.Types.List}; got {JsonFields.Describe(type)}");
        return null;
    }

    private static long? ReadTime(JsonFields fields, string name, Problems problems)
    {
        if (fields.Get(name) is not { } e)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var ms) && ms >= 0)
        {
            return ms;
        }

        if (e.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && HasOffset(e.GetString()!))
        {
            return time.ToUnixTimeMilliseconds();
        }

        problems.Add(fields.Field(name), $"must be an ISO 8601 time with an offset (2026-11-24T10:00:00Z) or Unix milliseconds, got {JsonFields.Describe(e)}");
        return null;
    }

    // A time without an offset means a different moment on every server; refuse it rather than guess.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private CallStart? ReadStart(JsonFields fields, Problems problems)
    {
        fields.Required("direction", $"one of {ContractNames.Directions.List}");
        var direction = fields.Choice("direction", ContractNames.Directions);
        var via = fields.Choice("via", ContractNames.Vias);
        var from = fields.Phone("from", phones);
        var to = fields.Phone("to", phones);
        var tracking = fields.Phone("trackingNumber", phones);
        var tenant = ReadId(fields, "tenant", problems);
        var employee = ReadId(fields, "employee", problems);
        var queue = ReadId(fields, "queue", problems);
        var isInternal = fields.Bool("internal") ?? false;
        if (direction is not { } d)
        {
            return null;
        }

        // Unsaid, a call came the ordinary way for its direction.
        var how = via ?? (d == Direction.Outbound ? Via.ClickToCall : Via.TrackingNumber);
        var fits = d == Direction.Inbound ? how is Via.TrackingNumber or Via.DirectLine : how is Via.ClickToCall or Via.Keypad;
        if (!fits)
        {
            problems.Add(fields.Field("via"), d == Direction.Inbound
                ? $"an inbound call comes in by tracking-number or direct-line, not {ContractNames.Vias.NameOf(how)}"
                : $"an outbound call is placed by click-to-call or keypad, not {ContractNames.Vias.NameOf(how)}");
        }

        return new CallStart(d, from, to, how, tracking, tenant, employee, queue, isInternal);
    }

    private static LiveEvent ReadTransfer(LiveEvent e, JsonFields fields)
    {
        fields.Required("transferTo", $"one of {ContractNames.TransferTargets.List}");
        return e with
        {
            TransferTo = fields.Choice("transferTo", ContractNames.TransferTargets),
            Employee = fields.Text("employee"),
            Queue = fields.Text("queue"),
        };
    }

    private static LiveEvent ReadReason(LiveEvent e, JsonFields fields)
    {
        fields.Required("isLead", "whether the call reason counts as a lead");
        return e with { CallReason = fields.Text("reason"), IsLead = fields.Bool("isLead") };
    }

    private static string? ReadId(JsonFields fields, string name, Problems problems)
    {
        var id = fields.Text(name);
        if (id is { Length: > MaxIdLength })
        {
            problems.Add(fields.Field(name), $"must be at most {MaxIdLength} characters");
            return null;
        }

        return id;
    }
}
