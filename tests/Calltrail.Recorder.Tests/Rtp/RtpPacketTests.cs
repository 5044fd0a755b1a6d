using Calltrail.Recorder.Rtp;
using CsCheck;

namespace Calltrail.Recorder.Tests.Rtp;

public class RtpPacketTests
{
    [Theory]
    [InlineData(0, -1, 0, 12)]
    [InlineData(2, -1, 0, 20)]
    [InlineData(0, 0, 0, 16)]
    [InlineData(0, 3, 0, 28)]
    [InlineData(15, 2, 0, 12 + 60 + 12)]
    [InlineData(0, -1, 1, 12)]
    [InlineData(1, 1, 7, 24)]
    public void TryParse_CsrcsExtensionPadding_PayloadIsExactlyTheMedia(int csrcs, int extensionWords, int padding, int offset)
    {
        byte[] payload = [9, 8, 7, 6, 5];
        var packet = RtpBytes.Packet(payload: payload, csrcs: csrcs, extensionWords: extensionWords, padding: padding);

        Assert.True(RtpPacket.TryParse(packet, out var header));

        Assert.Equal(offset, header.PayloadOffset);
        Assert.Equal(payload, header.PayloadOf(packet).ToArray());
        Assert.Equal(csrcs, header.CsrcCount);
        Assert.Equal(extensionWords >= 0, header.Extension);
        Assert.Equal(padding > 0, header.Padding);
    }

    [Fact]
    public void TryParse_FixedFields_AreReadBigEndian()
    {
        var packet = RtpBytes.Packet(payloadType: 8, sequence: 0xFFFE, timestamp: 0xFFFFFF00, ssrc: 0xDEADBEEF, marker: true);

        Assert.True(RtpPacket.TryParse(packet, out var header));

        Assert.Equal(2, header.Version);
        Assert.True(header.Marker);
        Assert.Equal(8, header.PayloadType);
        Assert.Equal(0xFFFE, header.SequenceNumber);
        Assert.Equal(0xFFFFFF00u, header.Timestamp);
        Assert.Equal(0xDEADBEEFu, header.Ssrc);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void TryParse_VersionOtherThanTwo_IsRefused(int version) =>
        Assert.False(RtpPacket.TryParse(RtpBytes.Packet(version: version), out _));

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(203)]
    [InlineData(204)]
    [InlineData(205)]
    [InlineData(207)]
    public void TryParse_RtcpOnTheSamePort_IsRefused(int packetType)
    {
        var rtcp = new byte[] { 0x80, (byte)packetType, 0, 1, 0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0 };

        Assert.True(RtpPacket.IsRtcp(rtcp));
        Assert.False(RtpPacket.TryParse(rtcp, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(101)]
    [InlineData(127)]
    public void IsRtcp_OrdinaryPayloadTypes_AreNot(int payloadType) =>
        Assert.False(RtpPacket.IsRtcp(RtpBytes.Packet(payloadType: (byte)payloadType, marker: true)));

    [Fact]
    public void TryParse_PaddingCountZero_IsRefused()
    {
        var packet = RtpBytes.Packet(padding: 2);
        packet[^1] = 0;

        Assert.False(RtpPacket.TryParse(packet, out _));
    }

    [Fact]
    public void TryParse_PaddingLongerThanThePayload_IsRefused()
    {
        var packet = RtpBytes.Packet(payload: [1, 2], padding: 1);
        packet[^1] = 4;

        Assert.False(RtpPacket.TryParse(packet, out _));
    }

    [Fact]
    public void TryParse_PaddingExactlyThePayload_LeavesAnEmptyPayload()
    {
        var packet = RtpBytes.Packet(payload: [], padding: 4);

        Assert.True(RtpPacket.TryParse(packet, out var header));
        Assert.Equal(0, header.PayloadLength);
    }

    [Fact]
    public void TryParse_ExtensionLengthOverrunningThePacket_IsRefused()
    {
        var packet = RtpBytes.Packet(payload: [], extensionWords: 1);
        packet[15] = 2; // claims two words, holds one

        Assert.False(RtpPacket.TryParse(packet, out _));
    }

    [Fact]
    public void TryParse_CsrcCountOverrunningThePacket_IsRefused()
    {
        var packet = RtpBytes.Packet(payload: [1, 2, 3, 4]);
        packet[0] |= 0x02; // two CSRCs promised, four bytes follow

        Assert.False(RtpPacket.TryParse(packet, out _));
    }

    [Fact]
    public void TryParse_EveryTruncationOfAFullPacket_NeverThrowsAndNeverOverruns()
    {
        var packet = RtpBytes.Packet(payload: new byte[160], csrcs: 2, extensionWords: 2, padding: 3);

        for (var length = 0; length < packet.Length; length++)
        {
            if (RtpPacket.TryParse(packet.AsSpan(0, length), out var header))
            {
                Assert.InRange(header.PayloadOffset + header.PayloadLength, 0, length);
            }
        }
    }

    [Fact]
    public void TryParse_AnyBytes_NeverThrowsAndPayloadStaysInside() =>
        Gen.Byte.Array[0, 80].Sample(bytes =>
        {
            if (RtpPacket.TryParse(bytes, out var header))
            {
                Assert.True(header.PayloadOffset >= RtpPacket.FixedHeaderSize);
                Assert.True(header.PayloadLength >= 0);
                Assert.True(header.PayloadOffset + header.PayloadLength <= bytes.Length);
            }
        });
}
