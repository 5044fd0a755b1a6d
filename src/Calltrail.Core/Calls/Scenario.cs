using System.Collections.Frozen;

namespace Calltrail.Calls;

/// <summary>One call plus everything in force for it: the unit the engine judges.</summary>
public sealed record Scenario
{
    public Settings.Settings Settings { get; init; } = Calltrail.Settings.Settings.Default;

    public IReadOnlyDictionary<string, Employee> Employees { get; init; } = FrozenDictionary<string, Employee>.Empty;

    public required Call Call { get; init; }

    /// <summary>An employee missing from the directory has a seat: the contact center is the normal case.</summary>
    public bool HasSeat(string? user) =>
        user is null || !Employees.TryGetValue(user, out var employee) || employee.Seat;
}
