using System.Globalization;

namespace Calltrail.Recorder.Benchmarks.Measuring;

/// <summary>
/// The kernel's UDP counters (/proc/net/snmp, "Udp:" lines): datagrams dropped because a socket's
/// receive buffer was full (RcvbufErrors, also counted in InErrors). Machine-wide, so the difference
/// over a run includes any other process's drops.
/// </summary>
public readonly record struct UdpCounters(long InDatagrams, long InErrors, long RcvbufErrors)
{
    public static UdpCounters Read()
    {
        var lines = File.ReadAllLines("/proc/net/snmp").Where(l => l.StartsWith("Udp: ", StringComparison.Ordinal)).ToArray();
        if (lines.Length < 2)
        {
            return default;
        }

        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Value(string name) => long.Parse(values[Array.IndexOf(names, name)], CultureInfo.InvariantCulture);
        return new UdpCounters(Value("InDatagrams"), Value("InErrors"), Value("RcvbufErrors"));
    }

    public static UdpCounters operator -(UdpCounters a, UdpCounters b) =>
        new(a.InDatagrams - b.InDatagrams, a.InErrors - b.InErrors, a.RcvbufErrors - b.RcvbufErrors);
}
