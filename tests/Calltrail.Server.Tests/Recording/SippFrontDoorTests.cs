using Calltrail.Recorder;
using Calltrail.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>A real SIPREC client (sipp) from a source the recorder was not told to hear is turned away at the door.</summary>
public sealed class SippFrontDoorTests
{
    [Fact]
    public async Task A_sipp_call_from_a_source_not_allowed_is_refused_403_and_opens_nothing()
    {
        using var server = new TestServer(b => b.UseSetting("Recorder:AllowedSources:0", "127.0.0.1/32"));
        using var sipp = new SippPeer();
        var callId = $"sipp-{Guid.NewGuid():N}";
        await RecordedCall.ArrangeAsync(server.Admin(), callId);
        await sipp.WriteCallerToneAsync(1000, seconds: 2);
        var recorder = server.Services.GetRequiredService<SiprecServer>();

        using var client = sipp.Start(recorder.SipPort, callId, durationMs: 1000, from: "127.0.0.5");
        var output = await client.StandardOutput.ReadToEndAsync() + await client.StandardError.ReadToEndAsync();
        await client.WaitForExitAsync();

        Assert.NotEqual(0, client.ExitCode);
        Assert.Contains("SIP/2.0 403 Forbidden", output + ErrorLogs(sipp), StringComparison.Ordinal);
        Assert.Equal(0, recorder.Sessions.Count);
        Assert.Empty(await RecordedCall.RecordingsAsync(server.Admin(), callId));
    }

    private static string ErrorLogs(SippPeer sipp) =>
        string.Concat(Directory.GetFiles(sipp.WorkingDirectory, "*_errors.log").Select(File.ReadAllText));
}
