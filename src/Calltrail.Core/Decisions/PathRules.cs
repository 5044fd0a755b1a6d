using Calltrail.Calls;
using Calltrail.Settings;

namespace Calltrail.Decisions;

/// <summary>behavior.md, "Which path a call takes": the first rule that matches wins.</summary>
public static class PathRules
{
    public static CallPath Choose(Scenario scenario)
    {
        var call = scenario.Call;
        if (call.Internal)
        {
            return CallPath.Internal;
        }

        if (call.Tenant is { } tenant)
        {
            var fieldService = SettingsPrecedence.Tenant(scenario.Settings, tenant);
            if (fieldService.Continuity.Enabled)
            {
                return CallPath.Continuity;
            }

            if (call.IsInbound && call.Via == Via.TrackingNumber && !fieldService.UsesContactCenter)
            {
                return CallPath.TenantWithoutContactCenter;
            }
        }

        return !call.IsInbound && !scenario.HasSeat(call.User) ? CallPath.NonSeatUser : CallPath.ContactCenter;
    }
}
