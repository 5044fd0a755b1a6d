using Calltrail.Recorder.Fuzz;
using SharpFuzz;

// Usage: Calltrail.Recorder.Fuzz <target> [--libfuzzer]
// Without --libfuzzer it speaks AFL's fork-server protocol (Fuzzer.OutOfProcess); with it, libFuzzer's
// (run through libfuzzer-dotnet). Either way the parsers must be instrumented first: see fuzz/README.md.
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out Func<byte[], bool>? target))
{
    Console.Error.WriteLine($"usage: Calltrail.Recorder.Fuzz <{string.Join('|', FuzzTargets.All.Keys)}> [--libfuzzer]");
    return 2;
}

if (args.Contains("--libfuzzer"))
{
    Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
}
else
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        target(copy.ToArray());
    });
}

return 0;
