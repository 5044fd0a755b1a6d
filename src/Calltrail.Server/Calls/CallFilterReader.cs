using System.Globalization;
using Calltrail.Calls;
using Calltrail.Live;
using Calltrail.Scenarios.Phones;
using Calltrail.Storage.Calls;

namespace Calltrail.Server.Calls;

/// <summary>Reads a log query's parameters, naming each one that is wrong.</summary>
internal static class CallFilterReader
{
    public const int DefaultLimit = 50;

    public static (CallFilter Filter, int Limit, string? Cursor, Dictionary<string, string[]> Problems) Read(
        IQueryCollection query, PhoneNumberParser phones, IReadOnlyCollection<string>? allowedTenants)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        void Problem(string name, string message) => problems[name] = [message];

        var direction = Text("direction");
        if (direction is not null && !ContractNames.Directions.TryGet(direction, out _))
        {
            Problem("direction", $"must be one of {ContractNames.Directions.List}");
        }

        var classification = Text("classification");
        if (classification is not null && !ServiceNames.Classifications.TryGet(classification, out _))
        {
            Problem("classification", $"must be one of {ServiceNames.Classifications.List}");
        }

        bool? recorded = Text("recorded") switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail("recorded", "must be true or false"),
        };

        var limit = DefaultLimit;
        if (Text("limit") is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > CallQueries.MaxPageSize))
        {
            Problem("limit", $"must be a whole number from 1 to {CallQueries.MaxPageSize}");
        }

        var cursor = Text("cursor");
        if (cursor is not null && !Cursor.TryRead(cursor, out _, out _))
        {
            Problem("cursor", "is not a cursor this server gave out; use the 'next' value of the previous page");
        }

        var filter = new CallFilter
        {
            Tenant = Text("tenant"),
            Campaign = Text("campaign"),
            Employee = Text("employee"),
            Queue = Text("queue"),
            Direction = direction,
            Since = Time("since"),
            Until = Time("until"),
            Recorded = recorded,
            Classification = classification,
            Caller = Phone("caller"),
            Called = Phone("called"),
            AllowedTenants = allowedTenants,
        };
        return (filter, limit, cursor, problems);

        bool? Fail(string name, string message)
        {
            Problem(name, message);
            return null;
        }

        long? Time(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time.ToUnixTimeMilliseconds();
            }

            Problem(name, "must be an ISO 8601 date or time, for example 2026-11-24 or 2026-11-24T10:00:00Z (UTC unless an offset is given)");
            return null;
        }

        string? Phone(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (phones.TryParse(text, out var number, out var problem))
            {
                return number.E164;
            }

            Problem(name, problem);
            return null;
        }
    }
}
