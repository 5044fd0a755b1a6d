using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>An employee: who they are, where they work, and the recording values in force for their calls.</summary>
public sealed record EmployeeView(
    string Id, string Name, bool Seat, string? DirectLine, IReadOnlyList<string> Queues, string? Role, EmployeeRecordingView Recording)
{
    internal static EmployeeView Of(EmployeeProfile employee) => new(
        employee.Id,
        employee.Details.Name,
        employee.Details.Seat,
        employee.Details.DirectLine?.E164,
        employee.Details.Queues,
        employee.Details.Role,
        EmployeeRecordingView.Of(employee.Recording));
}

/// <summary><c>source</c> is <c>custom</c> (the employee's own values, kept until reset) or <c>inherited</c> (<c>defaults.user</c>).</summary>
public sealed record EmployeeRecordingView(bool Inbound, bool Outbound, string Source)
{
    internal static EmployeeRecordingView Of(EmployeeRecording recording) =>
        new(recording.Inbound, recording.Outbound, SourceName.Of(recording.Source));
}

/// <summary>The body of <c>PUT /api/employees/{id}</c>: seat defaults to true, queues to none.</summary>
public sealed record EmployeeBody(string Name, bool? Seat, string? DirectLine, IReadOnlyList<string>? Queues, string? Role);

/// <summary>The body of <c>PUT /api/employees/{id}/recording</c>: both directions, as in the admin screen.</summary>
public sealed record EmployeeRecordingBody(bool Inbound, bool Outbound);
