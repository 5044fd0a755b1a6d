using System.Net;

namespace Calltrail.Recorder.Admission;

/// <summary>
/// The addresses SIP requests are heard from (<c>Recorder:AllowedSources</c>): single addresses and CIDR
/// ranges, IPv4 and IPv6. None configured means loopback only.
/// </summary>
public sealed class SourceNetworks
{
    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    private readonly IPNetwork[] networks;
    private readonly Range[] ranges;

    private SourceNetworks(IPNetwork[] networks)
    {
        this.networks = networks;
        ranges = [.. networks.Select(Range.Of)];
    }

    public IReadOnlyList<IPNetwork> Networks => networks;

    /// <summary>The networks of validated settings (<see cref="Problems"/> found none).</summary>
    public static SourceNetworks Of(IReadOnlyList<string> entries) =>
        new(entries.Count == 0 ? Loopback : [.. entries.Select(e => Read(e) ?? throw new ArgumentException($"'{e}' is not an address or CIDR range", nameof(entries)))]);

    /// <summary>Each entry that is neither an address nor a CIDR range, named by its index.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (Read(entries[i]) is null)
            {
                yield return $"Recorder:AllowedSources:{i} '{entries[i]}' is not an IP address or a CIDR range (such as 203.0.113.10, 198.51.100.0/24 or 2001:db8::/32; the address part must have no bits set past the prefix).";
            }
        }
    }

    public bool Admits(IPAddress source) => Admits(SourceAddress.Of(source));

    /// <summary>
    /// Whether a source (<see cref="SourceAddress"/>: an IPv4 peer, on a dual-stack socket too, is ::ffff:a.b.c.d)
    /// is in an allowed range of its own family. Allocates nothing: it runs for every RTP packet.
    /// </summary>
    public bool Admits(UInt128 source)
    {
        var v4 = SourceAddress.IsV4(source);
        foreach (var range in ranges)
        {
            if (range.V4 == v4 && (source & range.Mask) == range.Base)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A network as a masked prefix of <see cref="SourceAddress"/> (an IPv4 prefix counts 96 more bits).</summary>
    private readonly record struct Range(UInt128 Base, UInt128 Mask, bool V4)
    {
        public static Range Of(IPNetwork network)
        {
            var v4 = network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
            var bits = network.PrefixLength + (v4 ? 96 : 0);
            var mask = bits == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - bits);
            return new Range(SourceAddress.Of(network.BaseAddress) & mask, mask, v4);
        }
    }

    private static IPNetwork? Read(string entry)
    {
        var text = entry.Trim();
        if (IPNetwork.TryParse(text, out var network))
        {
            // 10.0.0.1/8 is a typo for 10.0.0.0/8 or 10.0.0.1/32; which one is not ours to guess.
            return IPAddress.TryParse(text[..text.IndexOf('/', StringComparison.Ordinal)], out var written) && written.Equals(network.BaseAddress)
                ? network
                : null;
        }

        if (text.Contains('/', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        var v4 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        // IPAddress.TryParse takes "10" as 0.0.0.10: a typo, not an address anyone means.
        return v4 && text.Count(c => c == '.') != 3 ? null : new IPNetwork(address, v4 ? 32 : 128);
    }
}
