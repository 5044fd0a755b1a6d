using System.Buffers.Binary;
using Calltrail.Recorder.Audio;

namespace Calltrail.Recorder.Tests.Audio;

public class WavHeaderTests
{
    [Theory]
    [InlineData(1, 8000, 0)]
    [InlineData(2, 8000, 320)]
    [InlineData(8, 16000, 1_000_000)]
    public void Write_ThenTryParse_GivesTheFormatBack(int channels, int sampleRate, long dataLength)
    {
        var header = new byte[WavHeader.Size];

        WavHeader.Write(header, channels, dataLength, sampleRate);

        Assert.True(WavHeader.TryParse(header, out var format));
        Assert.Equal(new WavFormat(channels, sampleRate, 16, (uint)dataLength), format);
    }

    [Fact]
    public void Write_MonoG711_IsTheCanonicalHeaderByteForByte()
    {
        var header = new byte[WavHeader.Size];

        WavHeader.Write(header, 1, 16000);

        Assert.Equal(
            "52494646" + "A43E0000" + "57415645" + "666D7420" + "10000000" + "0100" + "0100" + "401F0000" + "803E0000" + "0200" + "1000" + "64617461" + "803E0000",
            Convert.ToHexString(header));
    }

    [Fact]
    public void Write_DataBeyond4GiB_DeclaresTheLargestSizeThatFits()
    {
        var header = new byte[WavHeader.Size];

        WavHeader.Write(header, 2, 5_000_000_000);

        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)));
        Assert.Equal(uint.MaxValue - 36, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(43)]
    public void TryParse_TooShort_IsRefused(int length) =>
        Assert.False(WavHeader.TryParse(new byte[length], out _));

    [Fact]
    public void TryParse_NotPcm_IsRefused()
    {
        var header = new byte[WavHeader.Size];
        WavHeader.Write(header, 1, 0);
        header[20] = 3; // IEEE float

        Assert.False(WavHeader.TryParse(header, out _));
    }
}
