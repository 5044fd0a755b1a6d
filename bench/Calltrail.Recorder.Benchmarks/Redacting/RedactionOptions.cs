using Calltrail.Service.Benchmarks;

namespace Calltrail.Recorder.Benchmarks.Redacting;

/// <summary>The redaction benchmark as the command line asked for it.</summary>
/// <param name="Directories">Where the files are made: the disk under test, and tmpfs (/dev/shm), where fsync costs nothing.</param>
public sealed record RedactionOptions(int Minutes, int[] SpanSeconds, int Repeats, IReadOnlyList<string> Directories)
{
    public static RedactionOptions From(Args args) => new(
        args.Int("minutes", 10),
        args.Ints("spans", [1, 10, 60]),
        args.Int("repeats", 5),
        [.. args.Text("dirs", $"{Path.GetTempPath().TrimEnd('/')},/dev/shm").Split(',', StringSplitOptions.RemoveEmptyEntries)]);
}
