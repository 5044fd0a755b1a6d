using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Reconciling;
using Calltrail.Recorder.Recordings;
using CsCheck;
using static Calltrail.Recorder.Tests.Live.ManualCall;

namespace Calltrail.Recorder.Tests.Live;

/// <summary>
/// Plans that arrive late, in one batch, out of order, or after the call: whatever the recorder heard
/// and when, the WAV is silent exactly where the events' own times say the call was paused.
/// </summary>
public sealed class LatePlanTests
{
    private const string Payment = "payment-screen";

    [Fact]
    public void APaymentWindowReportedInOneLateBatch_IsRedactedFromTheFileAndListedAsLate()
    {
        using var call = new ManualCall(streams: 1);
        call.Obey(AudioState.Recording);
        call.Run(250); // 5 s
        // The switch was cut off: the screen opened at 1 s and closed at 3 s; both events arrive now, together.
        call.Recording.Apply(Plan(call, (0, AudioState.Recording), (1000, AudioState.Paused), (3000, AudioState.Recording)), call.Now);
        call.Run(50);
        call.Recording.Finish(call.Now, complete: true);

        var channel = call.Channels()[0];
        Assert.All(channel[8000..24000], s => Assert.Equal(0, s));
        Assert.Equal(Expected(0, 0, 8000), channel[..8000]);
        Assert.Equal(Expected(0, 24000, 8000), channel[24000..32000]);
        var paused = Assert.Single(call.Finished().Paused);
        Assert.Equal((1000L, 3000L, Payment, true), (paused.StartMs, paused.EndMs, paused.Cause, paused.Redacted));
        Assert.Equal(4000, paused.LateMs);
        Assert.Equal(2000, paused.RedactedMs);
    }

    [Fact]
    public void AnOlderPlanArrivingAfterANewerOne_IsIgnored()
    {
        using var call = new ManualCall(streams: 1);
        var older = Plan(call, (0, AudioState.Recording));
        var newer = Plan(call, (0, AudioState.Recording), (0, AudioState.Paused));
        call.Recording.Apply(newer, call.Now);
        call.Run(25);
        call.Recording.Apply(older, call.Now); // a lookup's answer from before the pause, landing late
        call.Run(25);

        Assert.Equal(AudioState.Paused, call.Recording.State);
        Assert.Equal(newer.Version, call.Recording.PlanVersion);
    }

    [Fact]
    public async Task APlanThatChangesAfterTheRecordingFinished_IsMadeGoodInTheClosedFile()
    {
        using var call = new ManualCall(streams: 1);
        call.Obey(AudioState.Recording);
        call.Run(150);
        call.Obey(AudioState.NotRecording, ended: true);
        call.Recording.Finish(call.Now, complete: true);
        var reconciler = new RecordingReconciler(call.Files, call.Time);

        // A late event after hangup: a person's pause from 1 s to 2 s.
        var late = Plan(call, (0, AudioState.Recording), (1000, AudioState.Paused), (2000, AudioState.Recording), (3000, AudioState.NotRecording)) with { Ended = true };
        var finished = await reconciler.ReconcileAsync(call.Started, late);

        Assert.True(finished.Agreement!.Agrees);
        var channel = call.Channels()[0];
        Assert.All(channel[8000..16000], s => Assert.Equal(0, s));
        Assert.Equal(Expected(0, 0, 8000), channel[..8000]);
        Assert.Equal(Expected(0, 16000, 8000), channel[16000..24000]);
        var paused = Assert.Single(finished.Paused);
        Assert.True(paused.Redacted);
        Assert.Equal((1000L, 2000L), (paused.StartMs, paused.EndMs));
        Assert.Equal(finished.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(WavOf(call)))));
    }

    [Fact]
    public void ARedactionInterruptedAfterItsJournal_IsNotServedAndIsFinishedOnRestart()
    {
        using var call = FinishedThreeSeconds();
        var path = call.Files.FullPath(call.Started.File);
        var span = new FrameSpan(8000, 16000);

        // What a kill -9 between the journal and the in-place writes leaves: the old records and a whole journal.
        var rewritten = Rewritten(call, path, span);
        RedactionJournal.Write(path, rewritten);

        Assert.True(call.Files.RedactionPending(call.Started.File));
        Assert.Null(call.Files.OpenWav(call.Started.File));
        Assert.Equal([(call.Started.File, JournalOutcome.Replayed)], call.Files.FinishRedactions());
        Assert.False(call.Files.RedactionPending(call.Started.File));
        Assert.All(call.Channels()[0][8000..16000], s => Assert.Equal(0, s));
        Assert.Equal(Expected(0, 0, 8000), call.Channels()[0][..8000]);
    }

    [Fact]
    public void ATornJournal_IsDiscardedAndTheFileIsUntouched()
    {
        using var call = FinishedThreeSeconds();
        var path = call.Files.FullPath(call.Started.File);
        var before = File.ReadAllBytes(path);
        RedactionJournal.Write(path, Rewritten(call, path, new FrameSpan(8000, 16000)));
        var journal = RedactionJournal.PathOf(path);
        File.WriteAllBytes(journal, File.ReadAllBytes(journal)[..^40]); // the crash came while the journal was written

        Assert.Equal([(call.Started.File, JournalOutcome.Discarded)], call.Files.FinishRedactions());
        Assert.False(File.Exists(journal));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void ARewrittenRecord_NeverReusesANonce_EachRedactionTakesAFreshGeneration()
    {
        using var call = FinishedThreeSeconds();
        var path = call.Files.FullPath(call.Started.File);

        var first = RecordingFile.Redact(path, call.Files.Keys, [new FrameSpan(8000, 9000)], [new Removal(8000, 9000, "person")]);
        var second = RecordingFile.Redact(path, call.Files.Keys, [new FrameSpan(8500, 9500)], [new Removal(8000, 9500, "person")]);

        Assert.True(first.Succeeded && second.Succeeded);
        using var contents = call.Contents();
        var generations = contents.Records.Select(r => (r.Index, r.Generation)).ToList();
        Assert.Equal(generations.Count, generations.Distinct().Count());
        Assert.Contains(contents.Records, r => r.Generation == 2);
        Assert.All(call.Channels()[0][8000..9500], s => Assert.Equal(0, s));
    }

    /// <summary>
    /// Any schedule of payment-screen and person windows, told to the recorder in any batching and with
    /// any lateness (plans may also arrive out of order): the WAV is silent in every paused span, by the
    /// schedule's own times, and holds the tone everywhere else.
    /// </summary>
    [Fact]
    public void Property_AnyScheduleDeliveredLateBatchedOrOutOfOrder_TheWavIsSilentExactlyWhereTheEventsPause()
    {
        var window = Gen.Select(Gen.Int[1, 60], Gen.Int[1, 40], Gen.Bool).Select((start, length, person) => (Start: start * 100, Length: length * 100, Person: person));
        var schedule = Gen.Select(window.Array[0, 3], Gen.Int[0, 40].Array[1, 4], Gen.Bool);
        schedule.Sample((windows, lateness, shuffle) =>
        {
            using var call = new ManualCall(streams: 1);
            call.Obey(AudioState.Recording);
            var paused = Disjoint(windows);
            var segments = Segments(paused);
            // Deliver growing prefixes of the timeline as plans, each late by its own amount; maybe out of order.
            var plans = Enumerable.Range(1, segments.Count).Select(n => Plan(call, [.. segments.Take(n)])).ToList();
            var due = plans.Select((p, i) => (Plan: p, At: (int)(SegmentStart(segments, i) + (lateness[i % lateness.Length] * 50)))).OrderBy(d => d.At).ToList();
            if (shuffle && due.Count > 1)
            {
                (due[0], due[^1]) = (due[^1] with { At = due[0].At }, due[0] with { At = due[^1].At });
            }

            for (var packet = 0; packet < 500; packet++)
            {
                foreach (var d in due.Where(d => d.At / 20 == packet))
                {
                    call.Recording.Apply(d.Plan, call.Now);
                }

                call.Run(1);
            }

            foreach (var d in due)
            {
                call.Recording.Apply(d.Plan, call.Now); // anything not yet due arrives after the call
            }

            call.Recording.Apply(plans[^1] with { Version = plans[^1].Version + 1 }, call.Now);
            call.Run(20);
            call.Recording.Finish(call.Now, complete: true);
            var channel = call.Channels()[0];
            foreach (var (from, to, _) in paused)
            {
                Assert.All(channel[(from * 8)..Math.Min(to * 8, channel.Length)], s => Assert.Equal(0, s));
            }

            // Outside the pauses the tone is there, a packet clear of every edge (what arrived while a pause was in force is gone).
            foreach (var (from, to) in Kept(paused, 10_000))
            {
                var a = ((from * 8) + 159) / 160 * 160 + 160;
                var b = Math.Min(to * 8, channel.Length) - 160;
                // A stretch after a pause may have lost its start to a resume heard late: only the stretch before the first pause is sure.
                if (b - a >= 160 && !paused.Any(p => p.To == from))
                {
                    Assert.Equal(Expected(0, a, b - a), channel[a..b]);
                }
            }
        }, iter: 40);
    }

    /// <summary>A one-stream call recorded for three seconds and finished.</summary>
    private static ManualCall FinishedThreeSeconds()
    {
        var call = new ManualCall(streams: 1);
        call.Obey(AudioState.Recording);
        call.Run(150);
        call.Recording.Finish(call.Now, complete: true);
        return call;
    }

    private static List<(int From, int To, bool Person)> Disjoint((int Start, int Length, bool Person)[] windows)
    {
        var result = new List<(int From, int To, bool Person)>();
        foreach (var w in windows.OrderBy(w => w.Start))
        {
            var from = Math.Max(w.Start, result.Count > 0 ? result[^1].To + 200 : 0);
            var to = Math.Min(from + w.Length, 9_000);
            if (to > from)
            {
                result.Add((from, to, w.Person));
            }
        }

        return result;
    }

    private static List<(long FromMs, AudioState State)> Segments(List<(int From, int To, bool Person)> paused)
    {
        var segments = new List<(long, AudioState)> { (0, AudioState.Recording) };
        foreach (var (from, to, _) in paused)
        {
            segments.Add((from, AudioState.Paused));
            segments.Add((to, AudioState.Recording));
        }

        return segments;
    }

    private static long SegmentStart(List<(long FromMs, AudioState State)> segments, int i) => segments[i].FromMs;

    private static IEnumerable<(int From, int To)> Kept(List<(int From, int To, bool Person)> paused, int end)
    {
        var from = 0;
        foreach (var p in paused)
        {
            yield return (from, p.From);
            from = p.To;
        }

        yield return (from, end);
    }

    private static RecordingPlan Plan(ManualCall call, params (long FromMs, AudioState State)[] segments) => new()
    {
        CallId = ManualCall.CallId,
        Version = call.NextVersion(),
        Tenant = "tenant-a",
        ConnectedAt = call.Time.Start.ToUnixTimeMilliseconds(),
        Segments = [.. segments.Select((s, i) => new PlanSegment(s.FromMs, i + 1 < segments.Length ? segments[i + 1].FromMs : PlanSegment.Open, s.State,
            s.State == AudioState.Paused ? PauseCause.PaymentScreen : null)).Where(s => s.ToMs > s.FromMs)],
    };

    private static List<RewrittenRecord> Rewritten(ManualCall call, string path, FrameSpan span)
    {
        using var contents = call.Contents();
        using var handle = File.OpenHandle(path);
        var rewritten = new List<RewrittenRecord>();
        using var aes = RecordingFile.OpenCipher(path, call.Files.Keys)!;
        using (var rewriter = new RecordRewriter(aes, contents.RecordingId, contents.Channels))
        {
            foreach (var record in contents.Records.Where(r => r.Kind == RecordKind.Audio))
            {
                if (rewriter.Rewrite(handle, record, [span], 1) is { } done)
                {
                    rewritten.Add(done);
                }
            }
        }

        return rewritten;
    }

    private static string WavOf(ManualCall call)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.wav");
        using var wav = call.Files.OpenWav(call.Started.File)!;
        using var file = File.Create(path);
        wav.CopyTo(file);
        return path;
    }
}
