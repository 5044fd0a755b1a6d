using System.Diagnostics;
using System.Security.Cryptography;
using Calltrail.Recorder.Recordings;
using Calltrail.Service.Benchmarks.Measuring;

namespace Calltrail.Recorder.Benchmarks.Redacting;

/// <summary>One kind of redaction of one span length in one directory: each redaction's time and what it rewrote.</summary>
public sealed record RedactionFigures(string Directory, string Kind, int SpanSeconds, IReadOnlyList<double> Ms, long RedactedFrames, long Records)
{
    public double Median => Ms.Order().ElementAt(Ms.Count / 2);
}

/// <summary>
/// What removing already-stored audio costs, on real recording files: a recording written as the
/// recorder writes one (2 channels, 8 kHz, one audio record per 100 ms tick, handed to the OS every
/// 500 ms), <c>--minutes</c> long, then spans of each length redacted — through the open writer
/// (<see cref="RecordingWriter.Redact"/>, a pause heard late while the call goes on) and on the finished
/// file (<see cref="RecordingFile.Redact"/>, a late event after hangup: it opens the file and scans and
/// authenticates every record first). A stopwatch around each call; every redaction has its own span,
/// so each one rewrites audio, never silence already redacted. Run in each directory: on tmpfs fsync is
/// free, so the difference with the disk is what the fsyncs (journal, file, directory) cost there.
/// </summary>
public static class RedactionCommand
{
    private const int Channels = 2;
    private const int SampleRate = 8000;
    private const int TickFrames = 800; // the recorder's 100 ms tick

    public static int Run(RedactionOptions options)
    {
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"load average {Load()}");
        Console.WriteLine($"recordings of {options.Minutes} min, spans of {string.Join(", ", options.SpanSeconds)} s, {options.Repeats} of each");
        var ring = new RecordingKeyRing("bench", [new KeyValuePair<string, byte[]>("bench", RandomNumberGenerator.GetBytes(RecordingKeyRing.KeySize))]);
        Warm(options.Directories[0], ring);
        var results = new List<RedactionFigures>();
        foreach (var root in options.Directories)
        {
            var directory = Directory.CreateDirectory(Path.Combine(root, $"calltrail-redaction-bench-{Guid.NewGuid():N}"));
            try
            {
                Console.WriteLine($"{root}:");
                results.AddRange(Measure(directory.FullName, root, ring, options));
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        Console.WriteLine($"load average {Load()}");
        Console.WriteLine();
        Console.WriteLine(Markdown.Table(
            ["directory", "redaction", "span", "n", "ms per redaction (median, max)", "ms per second redacted (median)", "records rewritten each"],
            results.Select(r => (IReadOnlyList<string>)
            [
                r.Directory,
                r.Kind,
                r.SpanSeconds == 0 ? "none (scan only)" : $"{r.SpanSeconds} s",
                Markdown.N(r.Ms.Count),
                $"{Markdown.Ms(r.Median)}, {Markdown.Ms(r.Ms.Max())}",
                r.SpanSeconds == 0 ? "—" : Markdown.Ms(r.Median / r.SpanSeconds),
                Markdown.N(r.Records / (double)r.Ms.Count),
            ])));
        return 0;
    }

    private static IEnumerable<RedactionFigures> Measure(string directory, string root, RecordingKeyRing ring, RedactionOptions options)
    {
        var totalFrames = (long)options.Minutes * 60 * SampleRate;
        var slots = Slots(options, totalFrames);

        // Live: one open recording, written in full, then redacted while still open.
        var livePath = Path.Combine(directory, "live.ctrec");
        var written = Stopwatch.StartNew();
        using (var writer = Write(livePath, ring, totalFrames))
        {
            Console.WriteLine($"  wrote {options.Minutes} min ({new FileInfo(livePath).Length / (1 << 20)} MiB, {writer.RecordsWritten} records) in {written.Elapsed.TotalSeconds:N1} s");
            foreach (var seconds in options.SpanSeconds)
            {
                var times = new List<double>();
                long frames = 0, records = 0;
                foreach (var span in slots[seconds])
                {
                    var clock = Stopwatch.StartNew();
                    frames += writer.Redact([span]);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    records += ((span.End + TickFrames - 1) / TickFrames) - (span.Start / TickFrames); // the tick records it overlaps
                }

                yield return Print(new RedactionFigures(root, "live (RecordingWriter.Redact)", seconds, times, frames, records));
            }

            writer.Complete(totalFrames);
        }

        // Finished: a second recording, completed, then redacted with nothing open (each call opens and scans the whole file).
        var finishedPath = Path.Combine(directory, "finished.ctrec");
        using (var writer = Write(finishedPath, ring, totalFrames))
        {
            writer.Complete(totalFrames);
        }

        var scans = new List<double>();
        for (var i = 0; i < options.Repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            Check(RecordingFile.Redact(finishedPath, ring, [], []));
            scans.Add(clock.Elapsed.TotalMilliseconds);
        }

        yield return Print(new RedactionFigures(root, "finished (RecordingFile.Redact)", 0, scans, 0, 0));
        var removals = new List<Removal>();
        foreach (var seconds in options.SpanSeconds)
        {
            var times = new List<double>();
            long frames = 0, records = 0;
            foreach (var span in slots[seconds])
            {
                removals.Add(new Removal(span.Start, span.End, "payment-screen", Redacted: true));
                var clock = Stopwatch.StartNew();
                var result = Check(RecordingFile.Redact(finishedPath, ring, [span], removals));
                times.Add(clock.Elapsed.TotalMilliseconds);
                (frames, records) = (frames + result.RedactedFrames, records + result.RecordsRewritten);
            }

            yield return Print(new RedactionFigures(root, "finished (RecordingFile.Redact)", seconds, times, frames, records));
        }
    }

    /// <summary>Every path once, on a short file, so the JIT is not in the first measured redaction.</summary>
    private static void Warm(string root, RecordingKeyRing ring)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, $"calltrail-redaction-warm-{Guid.NewGuid():N}"));
        try
        {
            // Enough calls for tiered compilation to have promoted the hot methods to their optimised code, as in a server that has run a while.
            for (var i = 0; i < 40; i++)
            {
                var path = Path.Combine(directory.FullName, $"warm-{i}.ctrec");
                using (var writer = Write(path, ring, 20 * SampleRate))
                {
                    writer.Redact([new FrameSpan(SampleRate, 2 * SampleRate)]);
                    writer.Complete(20 * SampleRate);
                }

                Check(RecordingFile.Redact(path, ring, [new FrameSpan(4 * SampleRate, 5 * SampleRate)], []));
            }

            Thread.Sleep(500); // the runtime's background recompilation
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A recording as the recorder writes it: the start marker, then each 100 ms tick's audio (a tone on
    /// each channel, no silent sample), handed to the OS every 500 ms; left open.
    /// </summary>
    private static RecordingWriter Write(string path, RecordingKeyRing ring, long totalFrames)
    {
        var writer = RecordingWriter.Create(path, Guid.NewGuid(), Channels, SampleRate, ring);
        writer.WriteMarker(0, MarkerKind.Start);
        var tick = new short[TickFrames * Channels];
        for (var i = 0; i < TickFrames; i++)
        {
            tick[2 * i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * (i + 0.25) / SampleRate));
            tick[(2 * i) + 1] = (short)(8000 * Math.Sin(2 * Math.PI * 500 * (i + 0.25) / SampleRate));
        }

        for (long frame = 0, ticks = 0; frame < totalFrames; frame += TickFrames, ticks++)
        {
            writer.WriteAudio(frame, tick);
            if (ticks % 5 == 4)
            {
                writer.Flush();
            }
        }

        writer.Flush();
        return writer;
    }

    /// <summary>Spans that never overlap one another, spread over the recording: each redaction removes audio.</summary>
    private static Dictionary<int, List<FrameSpan>> Slots(RedactionOptions options, long totalFrames)
    {
        var needed = options.SpanSeconds.Sum() * (long)options.Repeats * SampleRate;
        if (needed > totalFrames)
        {
            throw new Service.Benchmarks.ArgsException($"{options.Repeats} × ({string.Join(" + ", options.SpanSeconds)}) s do not fit in {options.Minutes} min without overlapping");
        }

        // Slots laid end to end with equal gaps, lengths interleaved so that each length is spread over the file.
        var lengths = Enumerable.Range(0, options.Repeats).SelectMany(_ => options.SpanSeconds).ToList();
        var gap = (totalFrames - needed) / (lengths.Count + 1);
        var slots = options.SpanSeconds.Distinct().ToDictionary(s => s, _ => new List<FrameSpan>());
        var at = gap;
        foreach (var seconds in lengths)
        {
            // Off the record boundaries, as a pause by the events' clock is.
            var start = at + 123;
            slots[seconds].Add(new FrameSpan(start, start + ((long)seconds * SampleRate)));
            at += ((long)seconds * SampleRate) + gap;
        }

        return slots;
    }

    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static RedactResult Check(RedactResult result) =>
        result.Succeeded ? result : throw new InvalidOperationException($"redaction failed: {result.Error} {result.Detail}");

    private static RedactionFigures Print(RedactionFigures figures)
    {
        Console.WriteLine($"  {figures.Kind}, {(figures.SpanSeconds == 0 ? "no span" : $"{figures.SpanSeconds} s")}: median {Markdown.Ms(figures.Median)} ms, max {Markdown.Ms(figures.Ms.Max())} ms");
        return figures;
    }
}
