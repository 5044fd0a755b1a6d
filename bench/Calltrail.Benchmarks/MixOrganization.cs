using System.Collections.Frozen;
using Calltrail.Calls;
using Calltrail.Phones;
using Calltrail.Settings;

namespace Calltrail.Benchmarks;

/// <summary>
/// The organization behind <see cref="RealisticMix"/>: one contact center with 50 queues and 200
/// employees, 20 field-service tenants and a 1,000-number exclusion list. Everything comes from the
/// seeded <see cref="Random"/> handed in, so the same seed always builds the same organization.
/// </summary>
internal sealed class MixOrganization
{
    private const int QueueCount = 50;
    private const int EmployeeCount = 200;
    private const int TenantCount = 20;
    private const int ExcludedCount = 1_000;
    private const int TrackingNumbersPerTenant = 3;

    private MixOrganization(Random random)
    {
        Queues = [.. Enumerable.Range(1, QueueCount).Select(i => $"queue-{i:D2}")];
        Tenants = [.. Enumerable.Range(1, TenantCount).Select(i => $"tenant-{i:D2}")];
        var employees = Enumerable.Range(1, EmployeeCount).Select(i => $"emp-{i:D3}").ToArray();
        random.Shuffle(employees);

        // A tenth of the staff work only in the field service: they have no contact-center seat.
        var withoutSeat = EmployeeCount / 10;
        NonSeatEmployees = employees[..withoutSeat];
        SeatEmployees = employees[withoutSeat..];
        Employees = employees.ToFrozenDictionary(name => name, name => new Employee(Seat: !NonSeatEmployees.Contains(name)));
        DirectLines = employees.Select((name, i) => (name, line: PhoneNumber.FromE164($"+1555015{i:D4}")))
            .ToFrozenDictionary(pair => pair.name, pair => pair.line);
        TrackingNumbers = Tenants.Select((tenant, t) => Enumerable.Range(0, TrackingNumbersPerTenant)
                .Select(n => PhoneNumber.FromE164($"+1555014{t:D2}{n:D2}")).ToArray())
            .ToArray();
        Excluded = CustomerNumbers(random, ExcludedCount);

        FieldService = TenantSettings(Tenants);
        Settings = new OrganizationSettings
        {
            ContactCenter = new ContactCenterSettings
            {
                Queues = CustomQueues(random, Queues),
                Users = CustomUsers(random, employees),
                ExclusionList = new ExclusionList(Excluded),
                AnnounceRecording = true,
            },
            FieldService = FieldService,
        };
    }

    public OrganizationSettings Settings { get; }

    public FrozenDictionary<string, Employee> Employees { get; }

    public FrozenDictionary<string, FieldServiceSettings> FieldService { get; }

    public string[] Queues { get; }

    public string[] Tenants { get; }

    public string[] SeatEmployees { get; }

    public string[] NonSeatEmployees { get; }

    public FrozenDictionary<string, PhoneNumber> DirectLines { get; }

    /// <summary>Each tenant's tracking numbers, by the tenant's index in <see cref="Tenants"/>.</summary>
    public PhoneNumber[][] TrackingNumbers { get; }

    public PhoneNumber[] Excluded { get; }

    public static MixOrganization Create(Random random) => new(random);

    /// <summary>Distinct US-style customer numbers in the +1 555 2xx xxxx block.</summary>
    public static PhoneNumber[] CustomerNumbers(Random random, int count)
    {
        var numbers = new HashSet<PhoneNumber>();
        while (numbers.Count < count)
        {
            numbers.Add(CustomerNumber(random));
        }

        return [.. numbers];
    }

    public static PhoneNumber CustomerNumber(Random random) => PhoneNumber.FromE164($"+15552{random.Next(1_000_000):D6}");

    // A few queues were edited once and are now custom (sticky): most to stop recording, some to keep it.
    private static FrozenDictionary<string, QueueSetting> CustomQueues(Random random, string[] queues)
    {
        var edited = queues.OrderBy(_ => random.Next()).Take(5).ToArray();
        return edited.Select((queue, i) => (queue, setting: new QueueSetting(Record: i >= 3)))
            .ToFrozenDictionary(pair => pair.queue, pair => pair.setting);
    }

    // A tenth of the employees have their own setting, in every on/off combination.
    private static FrozenDictionary<string, UserSetting> CustomUsers(Random random, string[] employees)
    {
        UserSetting[] choices = [new(false, true), new(true, false), new(false, false), new(true, true)];
        var edited = employees.OrderBy(_ => random.Next()).Take(EmployeeCount / 10).ToArray();
        return edited.Select((user, i) => (user, setting: choices[i % choices.Length]))
            .ToFrozenDictionary(pair => pair.user, pair => pair.setting);
    }

    // Most tenants record automatically both ways; the last seven show every other configuration once or twice.
    private static FrozenDictionary<string, FieldServiceSettings> TenantSettings(string[] tenants)
    {
        FieldServiceSettings[] unusual =
        [
            new() { Outbound = RecordingMode.OnDemand },
            new() { Inbound = RecordingMode.OnDemand, Outbound = RecordingMode.OnDemand },
            new() { Inbound = RecordingMode.Never },
            new() { Outbound = RecordingMode.Never },
            new() { Continuity = new Continuity(true, ContinuityDestination.VoiceAgent) },
            new() { Inbound = RecordingMode.Never, Continuity = new Continuity(true, ContinuityDestination.ExternalNumber) },
            new() { UsesContactCenter = false },
        ];
        var usual = tenants.Length - unusual.Length;
        return tenants.Select((tenant, i) => (tenant, settings: i < usual ? new FieldServiceSettings() : unusual[i - usual]))
            .ToFrozenDictionary(pair => pair.tenant, pair => pair.settings);
    }
}
