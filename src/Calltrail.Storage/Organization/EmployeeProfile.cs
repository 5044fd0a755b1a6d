using Calltrail.Phones;
using Calltrail.Settings;

namespace Calltrail.Storage.Organization;

/// <summary>
/// Who an employee is and where they work. <see cref="Role"/> is free text (a job title) or one of the
/// access roles; it grants nothing by itself.
/// </summary>
public sealed record EmployeeDetails(string Name, bool Seat, PhoneNumber? DirectLine, IReadOnlyList<string> Queues, string? Role);

/// <summary>The values in force for an employee's calls and whether they are the employee's own (custom, sticky) or the defaults.</summary>
public sealed record EmployeeRecording(bool Inbound, bool Outbound, SettingSource Source);

/// <summary>An employee with the recording settings in force for them.</summary>
public sealed record EmployeeProfile(string Id, EmployeeDetails Details, EmployeeRecording Recording);
