using Calltrail.Storage.Database;
using Calltrail.Storage.Recordings;
using Calltrail.TestKit.Databases;

namespace Calltrail.Storage.Tests.Recordings;

public sealed class RecordingStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Finish_KeepsTheOutcome_AndTheRecordingLeavesInProgress(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new RecordingStore(database.Db);
        await store.CreateAsync(Recording("r1", "call-1", "plumbing", startedAt: 1_000));
        Assert.Equal(["r1"], (await store.InProgressAsync()).Select(r => r.Id));

        var outcome = new RecordingOutcome(
            RecordingStatus.Incomplete, 9_000, 8_000, [new RecordingSpan(0, 2_000), new RecordingSpan(5_000, 8_000)],
            [new RecordingSpan(2_000, 5_000, "payment-screen")], "ab12", 128_044);
        await store.FinishAsync("r1", outcome);

        var stored = await store.GetAsync("r1");
        Assert.NotNull(stored);
        Assert.Equal(RecordingStatus.Incomplete, stored.Status);
        Assert.Equal(8_000, stored.DurationMs);
        Assert.Equal(outcome.Paused, stored.Paused);
        Assert.Equal(outcome.Spans, stored.Spans);
        Assert.Equal("ab12", stored.Sha256);
        Assert.Equal([new RecordingChannel(0, "1", "sip:caller@example.com", "Caller"), new RecordingChannel(1, "2", null, null)], stored.Channels);
        Assert.Empty(await store.InProgressAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_PagesNewestFirst_WithinTheCallersTenants(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new RecordingStore(database.Db);
        await store.CreateAsync(Recording("a", "c1", "plumbing", 1_000));
        await store.CreateAsync(Recording("b", "c2", "hvac", 2_000));
        await store.CreateAsync(Recording("c", "c3", "plumbing", 3_000));
        await store.CreateAsync(Recording("d", "c4", null, 4_000));

        var (first, next) = await store.ListAsync(new RecordingFilter(), 2, null);
        Assert.Equal(["d", "c"], first.Select(r => r.Id));
        var (second, last) = await store.ListAsync(new RecordingFilter(), 2, next);
        Assert.Equal(["b", "a"], second.Select(r => r.Id));
        Assert.Null(last);

        var (plumbing, _) = await store.ListAsync(new RecordingFilter { AllowedTenants = ["plumbing"] }, 10, null);
        Assert.Equal(["c", "a"], plumbing.Select(r => r.Id));
        Assert.Null(await store.GetAsync("b", ["plumbing"]));
        Assert.Null(await store.GetAsync("d", ["plumbing"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IdsByCall_LinksEachCallToItsRecordings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new RecordingStore(database.Db);
        await store.CreateAsync(Recording("r1", "call-1", null, 1_000));
        await store.CreateAsync(Recording("r2", "call-2", null, 2_000));

        var ids = await store.IdsByCallAsync(["call-1", "call-3"]);

        Assert.Equal(["call-1"], ids.Keys);
        Assert.Equal(["r1"], ids["call-1"].Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Access_IsKeptInOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new RecordingStore(database.Db);
        await store.CreateAsync(Recording("r1", "call-1", null, 1_000));

        await store.RecordAccessAsync(new RecordingAccess("r1", 5, "token:sup", "listen", "bytes=0-"));
        await store.RecordAccessAsync(new RecordingAccess("r1", 7, "token:mgr", "download", null));

        Assert.Equal(
            [new RecordingAccess("r1", 5, "token:sup", "listen", "bytes=0-"), new RecordingAccess("r1", 7, "token:mgr", "download", null)],
            await store.AccessAsync("r1"));
    }

    private static StoredRecording Recording(string id, string callId, string? tenant, long startedAt) => new()
    {
        Id = id,
        CallId = callId,
        Tenant = tenant,
        SessionId = $"rs-{id}",
        StartedAt = startedAt,
        Status = RecordingStatus.Recording,
        Channels = [new RecordingChannel(0, "1", "sip:caller@example.com", "Caller"), new RecordingChannel(1, "2", null, null)],
        File = $"{id}.ctrec",
    };
}
