using Calltrail.Storage.Access;
using Calltrail.Storage.Database;
using Calltrail.TestKit.Databases;
using Dapper;

namespace Calltrail.Storage.Tests.Access;

public sealed class TokenStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_ReturnsTheTokenAsCreated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new TokenStore(database.Db);
        var token = Token("tok-1", tenants: ["north", "south"]);

        await store.CreateAsync(token, TokenSecret.Hash("ct_secret-1"));

        var found = await store.GetAsync("tok-1");
        Assert.NotNull(found);
        Assert.Equal(("tok-1", "Dispatch board", "supervisor", "admin", 1_700_000_000_000L, (long?)null),
            (found.Id, found.Name, found.Role, found.CreatedBy, found.CreatedAt, found.RevokedAt));
        Assert.Equal(["north", "south"], found.Tenants!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_UnlimitedToken_HasNullTenants(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new TokenStore(database.Db);

        await store.CreateAsync(Token("tok-1", tenants: null), TokenSecret.Hash("ct_secret-1"));

        Assert.Null((await store.GetAsync("tok-1"))!.Tenants);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_UnknownId_IsNull(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        Assert.Null(await new TokenStore(database.Db).GetAsync("nope"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindBySecretHash_FindsOnlyTheTokenWithThatHash(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new TokenStore(database.Db);
        await store.CreateAsync(Token("tok-1"), TokenSecret.Hash("ct_one"));
        await store.CreateAsync(Token("tok-2"), TokenSecret.Hash("ct_two"));

        Assert.Equal("tok-2", (await store.FindBySecretHashAsync(TokenSecret.Hash("ct_two")))?.Id);
        Assert.Null(await store.FindBySecretHashAsync(TokenSecret.Hash("ct_three")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_StoresTheHashAndNeverTheSecret(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var secret = TokenSecret.New();

        await new TokenStore(database.Db).CreateAsync(Token("tok-1"), TokenSecret.Hash(secret));

        await using var connection = await database.Db.OpenAsync();
        var row = (IDictionary<string, object>)await connection.QuerySingleAsync("SELECT * FROM api_tokens");
        Assert.Equal(TokenSecret.Hash(secret), row["secret_hash"]);
        Assert.DoesNotContain(row.Values, value => value is string text && text.Contains(secret[TokenSecret.Prefix.Length..], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_SameSecretHashTwice_IsRefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new TokenStore(database.Db);
        await store.CreateAsync(Token("tok-1"), TokenSecret.Hash("ct_same"));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.CreateAsync(Token("tok-2"), TokenSecret.Hash("ct_same")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Revoke_StopsFindingTheTokenButKeepsItsRecord(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new TokenStore(database.Db);
        await store.CreateAsync(Token("tok-1"), TokenSecret.Hash("ct_one"));

        Assert.True(await store.RevokeAsync("tok-1", 1_700_000_005_000));

        Assert.Null(await store.FindBySecretHashAsync(TokenSecret.Hash("ct_one")));
        Assert.Equal(1_700_000_005_000, (await store.GetAsync("tok-1"))!.RevokedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Revoke_Again_KeepsTheFirstTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new TokenStore(database.Db);
        await store.CreateAsync(Token("tok-1"), TokenSecret.Hash("ct_one"));
        await store.RevokeAsync("tok-1", 1_700_000_005_000);

        Assert.True(await store.RevokeAsync("tok-1", 1_700_000_009_000));

        Assert.Equal(1_700_000_005_000, (await store.GetAsync("tok-1"))!.RevokedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Revoke_UnknownId_IsFalse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        Assert.False(await new TokenStore(database.Db).RevokeAsync("nope", 1_700_000_005_000));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_GivesEveryTokenOldestFirstRevokedIncluded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = new TokenStore(database.Db);
        await store.CreateAsync(Token("tok-b", createdAt: 2_000), TokenSecret.Hash("ct_b"));
        await store.CreateAsync(Token("tok-a", createdAt: 3_000), TokenSecret.Hash("ct_a"));
        await store.CreateAsync(Token("tok-c", createdAt: 1_000), TokenSecret.Hash("ct_c"));
        await store.RevokeAsync("tok-b", 4_000);

        var listed = await store.ListAsync();

        Assert.Equal(["tok-c", "tok-b", "tok-a"], listed.Select(t => t.Id));
        Assert.Equal([false, true, false], listed.Select(t => t.IsRevoked));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MissingTenants_NamesThoseTheOrganizationDoesNotHave(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var connection = await database.Db.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO tenants (id, name, inbound, outbound, uses_contact_center, continuity_enabled, continuity_destination)
                VALUES ('north', 'North', 'automatically', 'automatically', TRUE, FALSE, 'voice-agent')
                """);
        }

        var missing = await new TokenStore(database.Db).MissingTenantsAsync(["west", "north", "east"]);

        Assert.Equal(["west", "east"], missing);
    }

    private static ApiToken Token(string id, IReadOnlyList<string>? tenants = null, long createdAt = 1_700_000_000_000) =>
        new(id, "Dispatch board", "supervisor", tenants, "admin", createdAt);
}
