using System.Net;
using Calltrail.Recorder.Admission;
using Calltrail.Recorder.Media;

namespace Calltrail.Recorder.Tests.Admission;

public class SourceNetworksTests
{
    [Theory]
    [InlineData("", "127.0.0.1", true)]
    [InlineData("", "127.200.0.9", true)]
    [InlineData("", "::1", true)]
    [InlineData("", "::ffff:127.0.0.1", true)]
    [InlineData("", "10.0.0.1", false)]
    [InlineData("", "2001:db8::1", false)]
    [InlineData("203.0.113.10", "203.0.113.10", true)]
    [InlineData("203.0.113.10", "203.0.113.11", false)]
    [InlineData("203.0.113.10", "127.0.0.1", false)]
    [InlineData("198.51.100.0/24", "198.51.100.254", true)]
    [InlineData("198.51.100.0/24", "198.51.101.1", false)]
    [InlineData("198.51.100.0/24", "::ffff:198.51.100.7", true)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::10", "2001:db8::10", true)]
    [InlineData("0.0.0.0/0;::/0", "192.0.2.1", true)]
    [InlineData("10.0.0.0/8;192.0.2.5", "192.0.2.5", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255", true)]
    [InlineData("10.0.0.0/8", "11.0.0.0", false)]
    [InlineData("::/0", "192.0.2.1", false)]
    [InlineData("::/0", "::ffff:192.0.2.1", false)]
    [InlineData("0.0.0.0/0", "2001:db8::1", false)]
    [InlineData("2001:db8::/127", "2001:db8::1", true)]
    [InlineData("2001:db8::/127", "2001:db8::2", false)]
    public void Admits_Table(string entries, string source, bool admitted)
    {
        var networks = SourceNetworks.Of(entries.Split(';', StringSplitOptions.RemoveEmptyEntries));
        // As an RTP datagram's sender: the raw socket address, read without an IPAddress.
        Assert.True(RtpSource.TryRead(new IPEndPoint(IPAddress.Parse(source), 5004).Serialize(), out var datagram));

        Assert.Equal(admitted, networks.Admits(IPAddress.Parse(source)));
        Assert.Equal(admitted, networks.Admits(datagram.Address));
        Assert.Equal(5004, datagram.Port);
        Assert.Equal(IPAddress.Parse(source).IsIPv4MappedToIPv6 ? IPAddress.Parse(source).MapToIPv4() : IPAddress.Parse(source), datagram.ToEndPoint().Address);
    }

    [Theory]
    [InlineData("10.0.0.1/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10")]
    [InlineData("sbc.example.com")]
    [InlineData("")]
    [InlineData("203.0.113.10/")]
    public void Problems_NameTheEntryByIndex(string bad)
    {
        var problem = Assert.Single(SourceNetworks.Problems(["127.0.0.1", bad]));

        Assert.StartsWith($"Recorder:AllowedSources:1 '{bad}' is not an IP address or a CIDR range", problem, StringComparison.Ordinal);
    }
}
