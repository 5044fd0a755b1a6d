using BenchmarkDotNet.Running;

namespace Calltrail.Benchmarks;

public static class Program
{
    // The switcher lets the command line pick benchmarks (--filter) and jobs (--job short) without code changes.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
