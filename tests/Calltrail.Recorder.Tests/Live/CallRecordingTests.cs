using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Recordings;
using Calltrail.TestKit.Audio;
using Calltrail.Recorder.Tests.Rtp;
using CsCheck;
using static Calltrail.Recorder.Tests.Live.ManualCall;

namespace Calltrail.Recorder.Tests.Live;

public class CallRecordingTests
{
    private const string Payment = "payment-screen";

    [Fact]
    public void Recording_FromTheStart_EachStreamIsItsOwnChannelSampleForSample()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.Recording);

        call.Run(50);
        Assert.True(call.Recording.Finish(call.Now, complete: true));

        var channels = call.Channels();
        Assert.Equal(8000, channels[0].Length);
        Assert.Equal(Expected(0, 0, 8000), channels[0]);
        Assert.Equal(Expected(1, 0, 8000), channels[1]);
        Assert.True(ToneDetector.Power(channels[0], Tones[0], 8000) > 0.05);
        Assert.True(ToneDetector.Power(channels[0], Tones[1], 8000) < 0.001);
        Assert.True(ToneDetector.Power(channels[1], Tones[1], 8000) > 0.05);
        Assert.True(ToneDetector.Power(channels[1], Tones[0], 8000) < 0.001);
        var finished = call.Finished();
        Assert.True(finished.Complete);
        Assert.Equal([new SpanInfo(0, finished.DurationMs)], finished.Spans);
        Assert.InRange(finished.DurationMs, 999, 1000);
        Assert.Empty(finished.Paused);
        Assert.Equal((ManualCall.CallId, "tenant-a", call.Time.Start), (call.Started.CallId, call.Started.Tenant, call.Started.StartedAt));
    }

    [Fact]
    public void Pause_ServiceInstruction_PausedPacketsNeverReachTheFileAndTheSpanIsListed()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.Recording);
        call.Run(50);
        call.Obey(AudioState.Paused, Payment);
        var droppedBefore = call.Recording.Dropped;
        call.Run(50);
        var droppedDuringPause = call.Recording.Dropped - droppedBefore;
        call.Obey(AudioState.Recording);
        call.Run(50);
        call.Recording.Finish(call.Now, complete: true);

        Assert.Equal(100, droppedDuringPause);
        var (pause, resume) = PauseAndResume(call, Payment);
        AssertPausedSpanSilentAndTheRestKept(call, pause, resume);
        var finished = call.Finished();
        Assert.Equal([new SpanInfo(RecordingTimeline.Ms(pause), RecordingTimeline.Ms(resume), Payment)], finished.Paused);
        Assert.InRange(RecordingTimeline.Ms(pause), 999, 1000);
        Assert.InRange(RecordingTimeline.Ms(resume), 1999, 2000);
    }

    [Fact]
    public void Pause_ThatBeganBeforeItsInstructionArrived_TakesBackTheAudioStillInMemory()
    {
        using var call = new ManualCall(options: new RecorderOptions { ReorderWindow = TimeSpan.FromMilliseconds(200) });
        call.Obey(AudioState.Recording);
        call.Run(100);
        var openedAt = call.CallMs;
        call.Run(5); // 100 ms of audio after the payment screen opened, before the instruction reached the recorder

        call.ObeyFrom(openedAt, AudioState.Paused, Payment);
        call.Run(25);
        call.Obey(AudioState.Recording);
        call.Run(25);
        call.Recording.Finish(call.Now, complete: true);

        var (pause, resume) = PauseAndResume(call, Payment);
        Assert.Equal(100 * PacketFrames, pause);
        AssertPausedSpanSilentAndTheRestKept(call, pause, resume);
    }

    [Fact]
    public void Pause_ThatBeganLongerAgoThanTheWindowHolds_TheStoredAudioIsRedactedFromTheFile()
    {
        using var call = new ManualCall(options: new RecorderOptions { ReorderWindow = TimeSpan.FromMilliseconds(200) });
        call.Obey(AudioState.Recording);
        call.Run(100);
        var openedAt = call.CallMs;
        call.Run(100); // two seconds: most of it already written when the instruction arrives
        var storedBefore = call.Contents().Records.Count(r => r.Kind == RecordKind.Audio);

        call.ObeyFrom(openedAt, AudioState.Paused, Payment);
        call.Run(25);
        call.Obey(AudioState.Recording);
        call.Run(25);
        call.Recording.Finish(call.Now, complete: true);

        Assert.True(storedBefore > 0);
        var (pause, resume) = PauseAndResume(call, Payment);
        Assert.Equal(100 * PacketFrames, pause); // where the payment screen opened, by the events' clock
        AssertPausedSpanSilentAndTheRestKept(call, pause, resume);
        var removal = call.Removal(Payment);
        Assert.True(removal.Redacted);
        Assert.Equal(2000, removal.LateMs);
        Assert.InRange(removal.RedactedFrames, (2000 - 200 - 100) * 8, 2000 * 8); // all but what the window still held
        var listed = Assert.Single(call.Finished().Paused);
        Assert.True(listed.Redacted);
        Assert.Equal(2000, listed.LateMs);
    }

    [Fact]
    public void Pause_LatePacketFromThePausedSpanArrivingAfterResume_IsNotWritten()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.Recording);
        call.Run(50);
        call.Obey(AudioState.Paused, Payment);
        call.Run(50, skip: index => index is 98 or 99); // the last two packets of the pause are late
        call.Obey(AudioState.Recording);
        var droppedBefore = call.Recording.Dropped;
        for (var s = 0; s < call.Streams; s++)
        {
            call.Deliver(s, 99);
            call.Deliver(s, 98);
        }

        Assert.Equal(4, call.Recording.Dropped - droppedBefore);
        call.Run(50);
        call.Recording.Finish(call.Now, complete: true);

        var (pause, resume) = PauseAndResume(call, Payment);
        AssertPausedSpanSilentAndTheRestKept(call, pause, resume);
    }

    [Fact]
    public void Pause_AudioHeldInTheReorderWindowAfterThePauseMoment_IsErased()
    {
        // Packets stamped ahead of their arrival sit in the window beyond the pause's moment: the pause takes them out.
        using var call = new ManualCall(streams: 1);
        call.Obey(AudioState.Recording);
        call.Run(25);
        var pauseAt = call.Now;
        call.Deliver(0, 26); // 20 ms early: [4160, 4320) while the pause begins at 4000
        call.Deliver(0, 25);
        call.Obey(AudioState.Paused, Payment);
        call.Time.AdvanceMs(500);
        call.Obey(AudioState.Recording);
        call.Run(10);
        call.Recording.Finish(call.Now, complete: true);

        var (pause, resume) = PauseAndResume(call, Payment);
        Assert.False(call.Removal(Payment).Redacted);
        Assert.True(pause <= 4000 + 1 && pauseAt > 0);
        var channel = call.Channels()[0];
        Assert.All(channel[(int)pause..(int)resume], s => Assert.Equal(0, s));
        Assert.Equal(Expected(0, 0, (int)pause), channel[..(int)pause]);
    }

    [Fact]
    public void Packets_ReorderedDuplicatedAndLost_LandByTimestampWithSilenceForTheLost()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.Recording);
        int[] order = [.. Enumerable.Range(0, 10), 11, 10, .. Enumerable.Range(12, 9), 20, 20, .. Enumerable.Range(21, 9), .. Enumerable.Range(31, 19), 45];
        foreach (var index in order)
        {
            for (var s = 0; s < call.Streams; s++)
            {
                call.Deliver(s, index);
            }

            call.Recording.Tick(call.Now);
            call.Time.AdvanceMs(20);
        }

        call.Recording.Finish(call.Now, complete: true);

        var channels = call.Channels();
        for (var s = 0; s < call.Streams; s++)
        {
            var expected = Expected(s, 0, 8000);
            Array.Clear(expected, 30 * PacketFrames, PacketFrames); // packet 30 never came
            Assert.Equal(expected, channels[s][..8000]);
        }
    }

    [Fact]
    public void Packets_TelephoneEventAndUnknownPayloads_AreNotRecordedButALawIs()
    {
        using var call = new ManualCall(streams: 1);
        call.Obey(AudioState.Recording);
        call.Recording.Packet(0, PacketOf(0, 0, payloadType: 101), call.Now);
        call.Recording.Packet(0, PacketOf(0, 1, payloadType: 18), call.Now);
        call.Time.AdvanceMs(40);
        call.Recording.Packet(0, PacketOf(0, 2, payloadType: 8), call.Now);
        call.Time.AdvanceMs(500);
        call.Recording.Finish(call.Now, complete: true);

        var channel = call.Channels()[0];
        Assert.All(channel[..320], s => Assert.Equal(0, s));
        Assert.True(ToneDetector.Power(channel.AsSpan(320, 160), Tones[0], 8000) > 0.05);
    }

    [Fact]
    public void Provisional_LinkedRecordingWithinTheHold_KeepsTheHeldAudioFromTheSessionStart()
    {
        using var call = new ManualCall(provisional: true);
        call.Run(50);
        Assert.Empty(call.Registered);
        Assert.Empty(call.FilesOnDisk());

        call.Obey(AudioState.Recording);
        call.Run(50);
        call.Recording.Finish(call.Now, complete: true);

        Assert.Equal(call.Time.Start, call.Started.StartedAt);
        Assert.Equal(0, call.Contents().StartFrame);
        var channels = call.Channels();
        Assert.Equal(Expected(0, 0, 16000), channels[0][..16000]);
        Assert.Equal(Expected(1, 0, 16000), channels[1][..16000]);
        Assert.Equal([new SpanInfo(0, call.Finished().DurationMs)], call.Finished().Spans);
    }

    [Theory]
    [InlineData(AudioState.NotRecording, null)]
    [InlineData(AudioState.Paused, Payment)]
    public void Provisional_LinkedNotRecording_DiscardsTheHeldAudioAndWritesNothing(AudioState state, string? cause)
    {
        using var call = new ManualCall(provisional: true);
        call.Run(50);

        call.Obey(state, cause);
        call.Run(50);

        if (state == AudioState.Paused)
        {
            // A pause is a recording: it gets a file, but none of the held audio and none of the paused audio.
            call.Recording.Finish(call.Now, complete: true);
            Assert.All(call.Channels(), c => Assert.All(c, s => Assert.Equal(0, s)));
            Assert.DoesNotContain(call.Contents().Records, r => r.Kind == RecordKind.Audio);
        }
        else
        {
            Assert.False(call.Recording.Finish(call.Now, complete: true));
            Assert.Empty(call.Registered);
            Assert.Empty(call.FilesOnDisk());
        }
    }

    [Fact]
    public void Provisional_HoldExpires_HeldAudioDiscardedAndALaterLinkStartsRecordingThen()
    {
        using var call = new ManualCall(provisional: true);
        call.Run(300); // 6 s: the 5 s hold runs out

        Assert.Equal(AudioState.NotRecording, call.Recording.State);
        call.Obey(AudioState.Recording);
        call.Run(50);
        call.Recording.Finish(call.Now, complete: true);

        Assert.Equal(call.Time.Start.AddSeconds(6), call.Started.StartedAt);
        var channels = call.Channels();
        Assert.InRange(channels[0].Length, 7990, 8000);
        Assert.Equal(Expected(0, 300 * PacketFrames, 7990), channels[0][..7990]);
        Assert.Equal(Expected(1, 300 * PacketFrames, 7990), channels[1][..7990]);
    }

    [Fact]
    public void Provisional_ClientPausesBeforeTheCallIsKnown_OnlyAudioFromTheResumeIsKept()
    {
        using var call = new ManualCall(provisional: true);
        call.Run(25);
        call.Recording.ClientPaused(true, call.Now);
        call.Run(25);
        call.Recording.ClientPaused(false, call.Now);
        var resumedAt = call.Time.GetUtcNow();
        call.Run(25);

        call.Obey(AudioState.Recording);
        call.Run(25);
        call.Recording.Finish(call.Now, complete: true);

        // The held stretch before the client's pause was dropped: the recording begins at the resume.
        Assert.Equal(resumedAt, call.Started.StartedAt);
        Assert.Equal(0, call.Contents().StartFrame);
        Assert.Empty(call.Finished().Paused);
        Assert.Equal(Expected(0, 50 * PacketFrames, 8000), call.Channels()[0][..8000]);
    }

    [Fact]
    public void ClientPaused_WhileRecording_PausesWithTheRecordingClientCause()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.Recording);
        call.Run(25);
        call.Recording.ClientPaused(true, call.Now);
        call.Run(25);
        call.Recording.ClientPaused(false, call.Now);
        call.Run(25);
        call.Recording.Finish(call.Now, complete: true);

        var (pause, resume) = PauseAndResume(call, CallRecording.ClientPause);
        AssertPausedSpanSilentAndTheRestKept(call, pause, resume);
        Assert.Equal([new SpanInfo(RecordingTimeline.Ms(pause), RecordingTimeline.Ms(resume), CallRecording.ClientPause)], call.Finished().Paused);
    }

    [Fact]
    public void LateStart_IdleThenRecording_TheRecordingsTimelineStartsAtTheStart()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.NotRecording);
        call.Run(100);
        Assert.Empty(call.Registered);

        call.Obey(AudioState.Recording);
        call.Run(50);
        call.Recording.Finish(call.Now, complete: true);

        Assert.Equal(call.Time.Start.AddSeconds(2), call.Started.StartedAt);
        Assert.Equal(0, call.Contents().StartFrame);
        var channels = call.Channels();
        Assert.InRange(channels[0].Length, 7990, 8000);
        Assert.Equal(Expected(0, 100 * PacketFrames, 7990), channels[0][..7990]);
    }

    [Fact]
    public void StopThenStartAgain_OneRecordingWithAGapThatIsSilentAndNotPaused()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.Recording);
        call.Run(50);
        call.Obey(AudioState.NotRecording);
        call.Run(50);
        call.Obey(AudioState.Recording);
        call.Run(50);
        call.Recording.Finish(call.Now, complete: true);

        Assert.Single(call.Registered);
        var gap = call.Removal(Calltrail.Recorder.Live.PlanFrames.NotRecorded);
        var (stop, start) = (gap.FromFrame, gap.ToFrame);
        var finished = call.Finished();
        Assert.Empty(finished.Paused);
        Assert.Equal(2, finished.Spans.Count);
        Assert.Equal((RecordingTimeline.Ms(stop), RecordingTimeline.Ms(start)), (finished.Spans[0].EndMs, finished.Spans[1].StartMs));
        var channels = call.Channels();
        for (var s = 0; s < call.Streams; s++)
        {
            Assert.All(channels[s][(int)stop..(int)start], x => Assert.Equal(0, x));
            Assert.Equal(Expected(s, 0, (int)stop), channels[s][..(int)stop]);
            var from = NextPacketBoundary(start);
            Assert.Equal(Expected(s, from, 7000), channels[s][(int)from..(int)(from + 7000)]);
        }
    }

    [Fact]
    public void Ended_ServiceSaysTheCallIsOver_RecordingCompleteAndLaterPacketsIgnored()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.Recording);
        call.Run(25);

        call.Obey(AudioState.Recording, ended: true);
        call.Run(25);

        // The recording keeps nothing more; closing the file is the session's job (off the events' thread).
        Assert.True(call.Recording.IsEnding);
        Assert.False(call.Recording.IsFinished);
        Assert.True(call.Recording.Finish(call.Now, complete: true));
        var finished = call.Finished();
        Assert.True(finished.Complete);
        Assert.InRange(finished.DurationMs, 499, 500);
        Assert.False(call.Recording.Finish(call.Now, complete: true));
    }

    [Fact]
    public void Finish_NotComplete_RecordingIsIncompleteButKeepsItsAudio()
    {
        using var call = new ManualCall();
        call.Obey(AudioState.Recording);
        call.Run(25);

        call.Recording.Finish(call.Now, complete: false);

        var finished = call.Finished();
        Assert.False(finished.Complete);
        Assert.Equal(Expected(0, 0, 4000), call.Channels()[0][..4000]);
    }

    [Fact]
    public void Registration_NotYetLanded_NoAudioReachesTheFileUntilItDoes()
    {
        using var call = new ManualCall(holdRegistration: true);
        call.Obey(AudioState.Recording);
        call.Run(50);

        using (var pending = call.Contents())
        {
            Assert.DoesNotContain(pending.Records, r => r.Kind == RecordKind.Audio);
        }

        call.Registration!.SetResult();
        call.Run(1);
        using (var registered = call.Contents())
        {
            Assert.Contains(registered.Records, r => r.Kind == RecordKind.Audio && r.StartFrame == 0);
        }

        call.Run(25);
        call.Recording.Finish(call.Now, complete: true);
        Assert.Equal(Expected(0, 0, 12000), call.Channels()[0][..12000]);
    }

    [Fact]
    public void Registration_NotYetLandedWhenTheRecordingFinishes_NoAudioReachesTheFile()
    {
        using var call = new ManualCall(holdRegistration: true);
        call.Obey(AudioState.Recording);
        call.Run(25);

        call.Recording.Finish(call.Now, complete: true);

        using var contents = call.Contents();
        Assert.DoesNotContain(contents.Records, r => r.Kind == RecordKind.Audio);
    }

    [Fact]
    public void Property_AnyInterleavingOfPacketsAndPauses_NothingThatArrivedWhilePausedIsInTheWav()
    {
        // 0–5: next packet in order; 6: hold the next packet back; 7: deliver the oldest held-back packet;
        // 8: the service pauses or resumes; 9: the client pauses or resumes.
        Gen.Int[0, 9].Array[1, 160].Sample(ops =>
        {
            using var call = new ManualCall(streams: 1);
            call.Obey(AudioState.Recording);
            var servicePaused = false;
            var clientPaused = false;
            var next = 0;
            var held = new Queue<int>();
            foreach (var op in ops)
            {
                switch (op)
                {
                    case <= 5:
                        Arrive(next++);
                        call.Time.AdvanceMs(20);
                        break;
                    case 6:
                        held.Enqueue(next++);
                        call.Time.AdvanceMs(20);
                        break;
                    case 7 when held.Count > 0:
                        Arrive(held.Dequeue());
                        break;
                    case 8:
                        servicePaused = !servicePaused;
                        call.Obey(servicePaused ? AudioState.Paused : AudioState.Recording, servicePaused ? Payment : null);
                        break;
                    case 9:
                        clientPaused = !clientPaused;
                        call.Recording.ClientPaused(clientPaused, call.Now);
                        break;
                }

                call.Recording.Tick(call.Now);
            }

            call.Time.AdvanceMs(20);
            call.Recording.Finish(call.Now, complete: true);

            // Every packet that arrived while not writing carried the loudest µ-law code: none of it may be in the WAV.
            var channel = call.Channels()[0];
            Assert.True(Poison > 30000);
            Assert.DoesNotContain(channel, s => Math.Abs((int)s) >= Poison);
            foreach (var span in call.Finished().Paused)
            {
                Assert.All(channel.Skip((int)((span.StartMs + 1) * 8)).Take((int)((span.EndMs - span.StartMs - 1) * 8)), s => Assert.Equal(0, s));
            }

            void Arrive(int index)
            {
                if (call.Recording.State != AudioState.Recording)
                {
                    call.Recording.Packet(0, RtpBytes.Packet(0, (ushort)index, (uint)(index * PacketFrames), 0x5EED0000, [.. Enumerable.Repeat((byte)0x80, PacketFrames)]), call.Now);
                }
                else
                {
                    call.Deliver(0, index);
                }
            }
        }, iter: 60);
    }

    /// <summary>What µ-law code 0x80 decodes to: louder than any sample of the test tones (half scale).</summary>
    private static readonly int Poison = Math.Abs((int)Calltrail.Recorder.Audio.G711.DecodeMuLaw(0x80));

    private static (long Pause, long Resume) PauseAndResume(ManualCall call, string cause)
    {
        var removal = call.Removal(cause);
        return (removal.FromFrame, removal.ToFrame);
    }

    private static long NextPacketBoundary(long frame) => (frame + PacketFrames - 1) / PacketFrames * PacketFrames;

    /// <summary>Both channels: the tone up to the pause, exactly zero over it, the tone again from the first whole packet after it.</summary>
    private static void AssertPausedSpanSilentAndTheRestKept(ManualCall call, long pause, long resume)
    {
        var channels = call.Channels();
        for (var s = 0; s < call.Streams; s++)
        {
            Assert.All(channels[s][(int)pause..(int)resume], x => Assert.Equal(0, x));
            Assert.Equal(Expected(s, 0, (int)pause), channels[s][..(int)pause]);
            var from = NextPacketBoundary(resume);
            var length = channels[s].Length - (int)from - PacketFrames;
            Assert.Equal(Expected(s, from, length), channels[s][(int)from..(int)(from + length)]);
        }
    }
}
