using Calltrail.Live;
using Calltrail.Recorder;
using Calltrail.Server.Calls;
using Calltrail.Server.Tests.Support;
using Calltrail.Storage.Calls;
using Calltrail.TestKit.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace Calltrail.Server.Tests.Recording;

/// <summary>
/// A plan change the recorder never heard of — committed while the server's connection that hears other
/// servers was down — is applied when the connection is back: the recorder reads again the plans of all
/// the calls it records.
/// </summary>
public sealed class RecorderResyncTests
{
    [Fact]
    public async Task After_notices_may_have_been_lost_the_recorder_reads_its_calls_plans_again()
    {
        using var server = new TestServer();
        using var sipp = new SippPeer();
        var admin = server.Admin();
        var callId = $"resync-{Guid.NewGuid():N}";
        await RecordedCall.ArrangeAsync(admin, callId);
        await sipp.WriteCallerToneAsync(1000, seconds: 10);
        var recorder = server.Services.GetRequiredService<SiprecServer>();
        using var client = sipp.StartUntilHungUp(recorder.SipPort, callId);
        var session = await SippRecordingTests.SessionAsync(recorder);
        await Eventually.TrueAsync(() => session.Recording.State == AudioState.Recording, "the session records the call");
        var heard = session.Recording.PlanVersion;

        // Committed straight through the store: nothing tells this server's recorder, as when another server commits unheard.
        var opened = new LiveEvent(callId, 3, LiveEventType.PaymentScreenOpened, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await server.Services.GetRequiredService<CallStore>().ApplyAsync([new EventSubmission([opened], null)], opened.At);
        Assert.Equal(AudioState.Recording, session.Recording.State);

        server.Services.GetRequiredService<CallNotifications>().ResynchroniseRemote();

        await Eventually.TrueAsync(() => session.Recording.State == AudioState.Paused, "the recorder read the plan again and paused");
        Assert.True(session.Recording.PlanVersion > heard);
        await sipp.HangUpAsync(session.SipCallId);
        await client.WaitForExitAsync();
    }
}
