namespace Calltrail.Recorder.Benchmarks.Measuring;

/// <summary>
/// Waits for the machine to be quiet before a run: on two shared cores, anything else running (a build,
/// a test suite) competes with both the recorder and the senders and skews every figure.
/// </summary>
public static class Quiet
{
    /// <summary>Waits until a 2-second sample shows less than <paramref name="busyCores"/> in use, or <paramref name="patience"/> passed; returns the last sample.</summary>
    public static async Task<double> WaitAsync(double busyCores, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var from = CpuSample.Take(Environment.ProcessId);
            await Task.Delay(2000);
            var busy = CpuSample.Between(from, CpuSample.Take(Environment.ProcessId)).Machine;
            if (busy < busyCores || DateTime.UtcNow > deadline)
            {
                return busy;
            }

            Console.WriteLine($"  machine busy ({100 * busy:N0}% of one core): waiting for it to quieten");
        }
    }
}
