using Calltrail.Recorder.Fuzz;
using SharpFuzz;

// Usage: Calltrail.Recorder.Fuzz <target> [--libfuzzer | --out-of-process]
// Under afl-fuzz it runs in persistent mode: one .NET process runs input after input (Fuzzer.Run), which is
// what makes .NET fuzzing fast enough. --out-of-process runs the inputs in a child process instead, so a crash
// that kills the runtime (stack overflow) is still reported, at a cost in speed. Without afl-fuzz attached it
// reads stdin once, which is how a crash is reproduced. The parsers must be instrumented first: see fuzz/README.md.
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out Func<byte[], bool>? target))
{
    Console.Error.WriteLine($"usage: Calltrail.Recorder.Fuzz <{string.Join('|', FuzzTargets.All.Keys)}> [--libfuzzer | --out-of-process]");
    return 2;
}

if (args.Contains("--libfuzzer"))
{
    Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
}
else if (args.Contains("--out-of-process"))
{
    Fuzzer.OutOfProcess.Run(stream => target(ReadAll(stream)));
}
else
{
    Fuzzer.Run(stream => target(ReadAll(stream)));
}

return 0;

static byte[] ReadAll(Stream stream)
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    return copy.ToArray();
}
