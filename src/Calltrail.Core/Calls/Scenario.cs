using System.Collections.Frozen;
using Calltrail.Settings;

namespace Calltrail.Calls;

/// <summary>One call plus everything in force for it: the unit the engine judges.</summary>
public sealed record Scenario
{
    public OrganizationSettings Settings { get; init; } = OrganizationSettings.Default;

    public IReadOnlyDictionary<string, Employee> Employees { get; init; } = FrozenDictionary<string, Employee>.Empty;

    public required Call Call { get; init; }

    /// <summary>An employee missing from the directory has a seat: the contact center is the normal case.</summary>
    public bool HasSeat(string? user) =>
        user is null || !Employees.TryGetValue(user, out var employee) || employee.Seat;
}
