using System.Text.Json.Nodes;
using Calltrail.Cli;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace Calltrail.Server.Tests.Replaying;

/// <summary>
/// <c>calltrail replay</c> against a server: every example, played through the live pipeline and read
/// back from the server's records, agrees with <c>calltrail decide</c>.
/// </summary>
public sealed class ReplayTests
{
    public static TheoryData<string> Examples() => [.. SpecExamples.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Replaying_an_example_prints_what_decide_prints(string name)
    {
        using var server = new TestServer();
        var path = SpecExamples.Named(name).ScenarioPath;

        var replayed = Run(server, "replay", "--server", "http://calltrail.test", "--token", TestServer.AdminToken, path);
        var decided = Run(server, "decide", path);

        Assert.True(replayed.Code == 0, replayed.Error);
        VerdictAssert.Equivalent(decided.Out, replayed.Out);
        VerdictAssert.Equivalent(File.ReadAllText(SpecExamples.Named(name).VerdictPath), replayed.Out);
    }

    [Fact]
    public void Replaying_every_example_in_one_file_against_one_server_gives_each_its_own_verdict()
    {
        using var server = new TestServer();
        var all = new JsonArray([.. SpecExamples.All.Select(e => JsonNode.Parse(File.ReadAllText(e.ScenarioPath)))]);
        var file = Path.Combine(Path.GetTempPath(), $"calltrail-all-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, all.ToJsonString());
        try
        {
            var replayed = Run(server, "replay", "--server", "http://calltrail.test", "--token", TestServer.AdminToken, file);
            var decided = Run(server, "decide", file);

            Assert.True(replayed.Code == 0, replayed.Error);
            VerdictAssert.Equivalent(decided.Out, replayed.Out);
            Assert.Equal(SpecExamples.All.Count, JsonNode.Parse(replayed.Out)!.AsArray().Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Without_a_token_the_server_refuses_and_replay_says_so_in_one_line()
    {
        using var server = new TestServer();

        var replayed = Run(server, "replay", "--server", "http://calltrail.test", SpecExamples.All[0].ScenarioPath);

        Assert.Equal(ExitCodes.InternalError, replayed.Code);
        Assert.Contains("401", replayed.Error);
        Assert.Empty(replayed.Out);
    }

    [Theory]
    [InlineData("--server", "not a url")]
    [InlineData("--server", "ftp://example.com")]
    public void A_bad_server_address_is_refused_as_input(string option, string value)
    {
        using var server = new TestServer();
        var replayed = Run(server, "replay", option, value, SpecExamples.All[0].ScenarioPath);
        Assert.Equal(ExitCodes.InvalidInput, replayed.Code);
        Assert.Contains("--server", replayed.Error);
    }

    private static (int Code, string Out, string Error) Run(TestServer server, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(new StringReader(string.Empty), output, error) { Http = server.Handler };
        var code = CalltrailCli.Run(args, console);
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>The same service on PostgreSQL: every example replayed in one file against one server.</summary>
public sealed class ReplayOnPostgresTests
{
    [Fact]
    public async Task Every_example_replayed_against_a_server_on_postgresql_agrees_with_decide()
    {
        await using var database = await Calltrail.TestKit.Databases.TestDatabase.CreateEmptyAsync(Calltrail.Storage.Database.DatabaseProvider.PostgreSql);
        using var server = new TestServer(b =>
        {
            b.UseSetting("Database:Provider", database.ProviderSetting);
            b.UseSetting("Database:ConnectionString", database.ConnectionString);
        });
        var all = new JsonArray([.. SpecExamples.All.Select(e => JsonNode.Parse(File.ReadAllText(e.ScenarioPath)))]);
        var file = Path.Combine(Path.GetTempPath(), $"calltrail-all-pg-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, all.ToJsonString());
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = CalltrailCli.Run(
                ["replay", "--server", "http://calltrail.test", "--token", TestServer.AdminToken, file],
                new CliConsole(new StringReader(string.Empty), output, error) { Http = server.Handler });
            var decided = new StringWriter();
            CalltrailCli.Run(["decide", file], new CliConsole(new StringReader(string.Empty), decided, new StringWriter()));

            Assert.True(code == 0, error.ToString());
            VerdictAssert.Equivalent(decided.ToString(), output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
