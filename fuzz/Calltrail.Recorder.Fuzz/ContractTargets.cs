using Calltrail.Decisions;
using Calltrail.Scenarios.Reading;
using Calltrail.Scenarios.Writing;

namespace Calltrail.Recorder.Fuzz;

/// <summary>
/// The JSON the HTTP service and the CLI read: scenarios (<c>calltrail decide</c>, <c>POST /api/decide</c>),
/// organization settings (<c>PUT /api/settings</c>) and call events (<c>POST /api/calls/events</c>).
/// The organization endpoints' own body reader lives in the server project (ASP.NET) and is not reached here.
/// </summary>
public static class ContractTargets
{
    private static readonly ScenarioReader Scenarios = new();

    private static readonly LiveEventReader Events = new(new Calltrail.Scenarios.Phones.PhoneNumberParser());

    /// <summary>
    /// Read as a scenario file and judged as <c>calltrail decide</c> does, then read as an organization's
    /// settings (the same shape without the call). Accepted when either reading accepts it.
    /// </summary>
    public static bool Scenario(byte[] data)
    {
        ScenarioFile file = Scenarios.Read(data);
        if (file.IsValid)
        {
            _ = VerdictJson.Serialize([.. file.Scenarios.Select(Decider.Decide)], file.IsArray);
        }

        return Scenarios.ReadOrganization(data).IsValid | file.IsValid;
    }

    /// <summary>A fixed clock, so a run is repeatable; the seeds' times lie before it.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>As received (the time window, call id rules), then as read back from storage.</summary>
    public static bool LiveEvents(byte[] data)
    {
        bool received = Events.Read(data, Now).IsValid;
        _ = Events.Read(data);
        return received;
    }
}
