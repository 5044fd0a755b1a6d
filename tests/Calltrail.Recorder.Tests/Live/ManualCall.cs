using System.Security.Cryptography;
using Calltrail.Decisions;
using Calltrail.Live;
using Calltrail.Recorder.Audio;
using Calltrail.Recorder.Control;
using Calltrail.Recorder.Files;
using Calltrail.Recorder.Live;
using Calltrail.Recorder.Recordings;
using Calltrail.Recorder.Tests.Recordings;
using Calltrail.Recorder.Tests.Rtp;
using Calltrail.TestKit.Time;

namespace Calltrail.Recorder.Tests.Live;

/// <summary>
/// One call's <see cref="CallRecording"/> on a manual clock, with real recording files in a private
/// directory and a registration the test can hold back. Streams send 20 ms µ-law packets of a tone
/// whose sample values follow the absolute RTP timestamp, so where a packet landed is visible.
/// </summary>
internal sealed class ManualCall : IDisposable
{
    public const int PacketFrames = 160;
    public const string CallId = "call-1";
    public static readonly double[] Tones = [1000, 400];

    private readonly TempDirectory dir = new();
    private readonly ushort[] sequences;

    public ManualCall(bool provisional = false, int streams = 2, bool holdRegistration = false, RecorderOptions? options = null)
    {
        Options = options ?? new RecorderOptions();
        Files = new RecordingFiles(dir.Path, new RecordingKeyRing("k", [KeyValuePair.Create("k", RandomNumberGenerator.GetBytes(RecordingKeyRing.KeySize))]));
        if (holdRegistration)
        {
            Registration = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var channels = Enumerable.Range(0, streams).Select(i => new ChannelInfo(i, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), null, null)).ToList();
        Setup = new RecordingSetup(Guid.NewGuid(), "sip-call-1", channels, Files, Options, Time, Register);
        var codecs = Enumerable.Range(0, streams).Select(i => new StreamCodec(i, new Dictionary<int, G711Law> { [0] = G711Law.MuLaw, [8] = G711Law.ALaw }, 101)).ToList();
        Recording = new CallRecording(Setup, codecs, provisional, Time.GetTimestamp());
        sequences = new ushort[streams];
    }

    public ManualTimeProvider Time { get; } = new();

    public RecorderOptions Options { get; }

    public RecordingFiles Files { get; }

    public RecordingSetup Setup { get; }

    public CallRecording Recording { get; }

    public List<RecordingStarted> Registered { get; } = [];

    public TaskCompletionSource? Registration { get; }

    public int Streams => sequences.Length;

    public long Now => Time.GetTimestamp();

    /// <summary>The tone a stream sends, as it should read back after µ-law: sample n of the stream's RTP clock.</summary>
    public static short[] Expected(int stream, long fromSample, int count)
    {
        var pcm = Tone(stream, fromSample, count);
        var codes = new byte[count];
        G711.Encode(pcm, codes, G711Law.MuLaw);
        G711.Decode(codes, pcm, G711Law.MuLaw);
        return pcm;
    }

    public static short[] Tone(int stream, long fromSample, int count) =>
        [.. Enumerable.Range(0, count).Select(i => (short)Math.Round(0.5 * 32767 * Math.Sin(2 * Math.PI * Tones[stream] * (fromSample + i) / 8000)))];

    /// <summary>The RTP packet <paramref name="index"/> of a stream: 20 ms of its tone, timestamp index·160.</summary>
    public static byte[] PacketOf(int stream, int index, uint ssrc = 0x5EED0000, byte payloadType = 0)
    {
        var pcm = Tone(stream, (long)index * PacketFrames, PacketFrames);
        var codes = new byte[PacketFrames];
        G711.Encode(pcm, codes, payloadType == 8 ? G711Law.ALaw : G711Law.MuLaw);
        return RtpBytes.Packet(payloadType, (ushort)index, (uint)(index * PacketFrames), ssrc + (uint)stream, codes);
    }

    /// <summary>The call's timeline as the service has told it so far: (ms from connect, state, cause); the call connected when the clock started.</summary>
    private readonly List<(long FromMs, AudioState State, PauseCause? Cause)> timeline = [];

    public long PlanVersion { get; private set; }

    /// <summary>A version newer than any plan made so far.</summary>
    public long NextVersion() => ++PlanVersion;

    /// <summary>Ms from connect (the clock's start) now.</summary>
    public long CallMs => (long)(Time.GetUtcNow() - Time.Start).TotalMilliseconds;

    /// <summary>The service says: from now on, <paramref name="state"/> (the first word covers the call from connect).</summary>
    public void Obey(AudioState state, string? cause = null, bool ended = false) => ObeyFrom(timeline.Count == 0 ? 0 : CallMs, state, cause, ended);

    /// <summary>The service says, now, that <paramref name="state"/> has been in force since <paramref name="fromMs"/> (a late event).</summary>
    public void ObeyFrom(long fromMs, AudioState state, string? cause = null, bool ended = false)
    {
        timeline.RemoveAll(t => t.FromMs >= fromMs);
        timeline.Add((fromMs, state, cause is null ? null : ServiceNames.PauseCauses.TryGet(cause, out var c) ? c : PauseCause.Person));
        Recording.Apply(PlanNow(ended), Now);
    }

    /// <summary>The plan the timeline so far makes, with the next version.</summary>
    public RecordingPlan PlanNow(bool ended = false)
    {
        var segments = timeline.Select((t, i) => new PlanSegment(t.FromMs, i + 1 < timeline.Count ? timeline[i + 1].FromMs : PlanSegment.Open, t.State, t.Cause)).ToList();
        if (ended)
        {
            segments[^1] = segments[^1] with { ToMs = Math.Max(CallMs, segments[^1].FromMs + 1) };
            segments.Add(new PlanSegment(segments[^1].ToMs, PlanSegment.Open, AudioState.NotRecording));
        }

        return new RecordingPlan
        {
            CallId = CallId,
            Version = ++PlanVersion,
            Tenant = "tenant-a",
            ConnectedAt = Time.Start.ToUnixTimeMilliseconds(),
            Ended = ended,
            Segments = [.. segments],
        };
    }

    /// <summary>The removal of <paramref name="cause"/>, the only one (frames).</summary>
    public Removal Removal(string cause) => Assert.Single(Recording.Removals, r => r.Cause == cause);

    /// <summary>Delivers packet <paramref name="index"/> of a stream now.</summary>
    public void Deliver(int stream, int index) => Recording.Packet(stream, PacketOf(stream, index), Now);

    /// <summary>
    /// Runs <paramref name="packets"/> 20 ms steps: each step delivers the next packet of every stream
    /// (unless <paramref name="skip"/> says otherwise), ticks, and moves the clock on 20 ms.
    /// </summary>
    public void Run(int packets, Func<int, bool>? skip = null)
    {
        for (var p = 0; p < packets; p++)
        {
            for (var s = 0; s < Streams; s++)
            {
                var index = sequences[s]++;
                if (skip?.Invoke(index) != true)
                {
                    Deliver(s, index);
                }
            }

            Recording.Tick(Now);
            Time.AdvanceMs(20);
        }
    }

    /// <summary>The clock moves on without packets (the next packet index moves on too, as a sender's would).</summary>
    public void Silence(int packets)
    {
        for (var p = 0; p < packets; p++)
        {
            for (var s = 0; s < Streams; s++)
            {
                sequences[s]++;
            }

            Recording.Tick(Now);
            Time.AdvanceMs(20);
        }
    }

    public RecordingStarted Started => Assert.Single(Registered);

    public RecordingFinished Finished() => Files.Finished(Started);

    /// <summary>Every channel of the recording's WAV as sample arrays.</summary>
    public short[][] Channels()
    {
        using var wav = Files.OpenWav(Started.File) ?? throw new InvalidOperationException("no recording file");
        return SampleRecording.Channels(wav, Streams);
    }

    public RecordingContents Contents()
    {
        var opened = RecordingReader.Open(Files.FullPath(Started.File), Files.Keys);
        Assert.True(opened.Contents is not null, $"{opened.Error}: {opened.Detail}");
        return opened.Contents!;
    }

    public IEnumerable<string> FilesOnDisk() => Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories);

    public void Dispose()
    {
        Recording.Finish(Now, complete: false);
        dir.Dispose();
    }

    private Task Register(RecordingStarted started)
    {
        Registered.Add(started);
        return Registration?.Task ?? Task.CompletedTask;
    }
}
