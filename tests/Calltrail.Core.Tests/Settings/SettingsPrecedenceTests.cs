using Calltrail.Settings;
using Calltrail.Tests.Support;

namespace Calltrail.Tests.Settings;

public class SettingsPrecedenceTests
{
    private static readonly OrganizationSettings Org = new()
    {
        ContactCenter = new ContactCenterSettings
        {
            Defaults = new RecordingDefaults(QueueRecord: true, UserInbound: false, UserOutbound: true),
            Queues = Build.Map(("sales", new QueueSetting(Record: false))),
            Users = Build.Map(("ana", new UserSetting(Inbound: true, Outbound: false))),
        },
        FieldService = Build.Map(("north", new FieldServiceSettings { Inbound = RecordingMode.Never, Outbound = RecordingMode.OnDemand })),
    };

    [Theory]
    [InlineData(SettingScope.Queue, "sales", RecordingMode.Never, SettingSource.Custom)]
    [InlineData(SettingScope.Queue, "service", RecordingMode.Automatically, SettingSource.Default)]
    [InlineData(SettingScope.Queue, null, RecordingMode.Automatically, SettingSource.Default)]
    [InlineData(SettingScope.UserInbound, "ana", RecordingMode.Automatically, SettingSource.Custom)]
    [InlineData(SettingScope.UserInbound, "carl", RecordingMode.Never, SettingSource.Default)]
    [InlineData(SettingScope.UserOutbound, "ana", RecordingMode.Never, SettingSource.Custom)]
    [InlineData(SettingScope.UserOutbound, "carl", RecordingMode.Automatically, SettingSource.Default)]
    [InlineData(SettingScope.UserOutbound, null, RecordingMode.Automatically, SettingSource.Default)]
    [InlineData(SettingScope.FieldServiceInbound, "north", RecordingMode.Never, SettingSource.Custom)]
    [InlineData(SettingScope.FieldServiceOutbound, "north", RecordingMode.OnDemand, SettingSource.Custom)]
    [InlineData(SettingScope.FieldServiceInbound, "south", RecordingMode.Automatically, SettingSource.Default)]
    [InlineData(SettingScope.FieldServiceOutbound, "south", RecordingMode.Automatically, SettingSource.Default)]
    public void Resolve_Target_GivesValueAndSource(SettingScope scope, string? subject, RecordingMode mode, SettingSource source)
    {
        var applied = SettingsPrecedence.Resolve(Org, new SettingTarget(scope, subject));

        Assert.Equal(mode, applied.Mode);
        Assert.Equal(source, applied.Source);
        Assert.Equal(new SettingTarget(scope, subject), applied.Target);
    }

    [Fact]
    public void Resolve_CustomQueue_IsStickyWhenTheDefaultChanges()
    {
        var before = SettingsPrecedence.Resolve(Org, new SettingTarget(SettingScope.Queue, "sales"));
        var changedDefault = Org with
        {
            ContactCenter = Org.ContactCenter with { Defaults = Org.ContactCenter.Defaults with { QueueRecord = false } },
        };
        var flipped = changedDefault with
        {
            ContactCenter = changedDefault.ContactCenter with { Defaults = changedDefault.ContactCenter.Defaults with { QueueRecord = true } },
        };

        Assert.Equal(RecordingMode.Never, before.Mode);
        Assert.Equal(RecordingMode.Never, SettingsPrecedence.Resolve(changedDefault, new SettingTarget(SettingScope.Queue, "sales")).Mode);
        Assert.Equal(RecordingMode.Never, SettingsPrecedence.Resolve(flipped, new SettingTarget(SettingScope.Queue, "sales")).Mode);
    }

    [Fact]
    public void Resolve_QueueResetToDefault_FollowsTheDefaultAgain()
    {
        var reset = Org with { ContactCenter = Org.ContactCenter with { Queues = Build.Map<QueueSetting>() } };
        var defaultOff = reset with
        {
            ContactCenter = reset.ContactCenter with { Defaults = reset.ContactCenter.Defaults with { QueueRecord = false } },
        };

        var applied = SettingsPrecedence.Resolve(defaultOff, new SettingTarget(SettingScope.Queue, "sales"));

        Assert.Equal(RecordingMode.Never, applied.Mode);
        Assert.Equal(SettingSource.Default, applied.Source);
    }

    [Fact]
    public void Tenant_NotConfigured_HasTheFieldServiceDefaults() =>
        Assert.Equal(FieldServiceSettings.Default, SettingsPrecedence.Tenant(Org, "nowhere"));
}
