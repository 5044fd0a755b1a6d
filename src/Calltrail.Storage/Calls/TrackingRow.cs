using Calltrail.Live;

namespace Calltrail.Storage.Calls;

/// <summary>A tracking number as a call's start needs it: whose it is and the campaign it advertises.</summary>
internal sealed class TrackingRow
{
    public string Number { get; set; } = "";

    public string? TenantId { get; set; }

    public string? Campaign { get; set; }

    public string? Category { get; set; }

    public string? Source { get; set; }

    public string? Medium { get; set; }

    /// <summary>The tenant is the one the telephony named, else the dialed tracking number's; the campaign is the tracking number's.</summary>
    public static TrackingRow Resolve(CallStart start, IReadOnlyDictionary<string, TrackingRow> tracking)
    {
        var number = start.DialedTrackingNumber is { } n ? tracking.GetValueOrDefault(n.E164) : null;
        return new TrackingRow
        {
            TenantId = start.Tenant ?? number?.TenantId,
            Campaign = number?.Campaign,
            Category = number?.Category,
            Source = number?.Source,
            Medium = number?.Medium,
        };
    }
}
