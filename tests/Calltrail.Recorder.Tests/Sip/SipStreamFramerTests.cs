using System.Text;
using Calltrail.Recorder.Sip;

namespace Calltrail.Recorder.Tests.Sip;

public class SipStreamFramerTests
{
    private static readonly byte[] Message = SipText.Crlf(SipText.Invite);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Feed_TwoMessagesInAnyChunks_YieldsBothWhole(int chunkSize)
    {
        var framer = new SipStreamFramer();
        byte[] stream = [.. Message, .. Message];
        var messages = new List<byte[]>();

        for (int i = 0; i < stream.Length; i += chunkSize)
        {
            SipFramerResult result = framer.Feed(stream.AsSpan(i, Math.Min(chunkSize, stream.Length - i)));
            Assert.False(result.IsFaulted, result.Error);
            messages.AddRange(result.Messages);
        }

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(Message, m));
        Assert.Equal(0, framer.Buffered);
    }

    [Theory]
    [InlineData("\r\n\r\n", 1)]
    [InlineData("\r\n\r\n\r\n\r\n", 2)]
    [InlineData("\r\n", 0)]
    public void Feed_KeepAlivesBetweenMessages_AreCountedAndSkipped(string keepAlive, int pings)
    {
        var framer = new SipStreamFramer();
        byte[] stream = [.. Encoding.ASCII.GetBytes(keepAlive), .. Message];

        SipFramerResult result = framer.Feed(stream);

        Assert.Equal(pings, result.Pings);
        Assert.Equal(Message, Assert.Single(result.Messages));
    }

    [Fact]
    public void Feed_PingSplitAcrossReads_IsOnePing()
    {
        var framer = new SipStreamFramer();

        SipFramerResult first = framer.Feed("\r\n"u8);
        SipFramerResult second = framer.Feed("\r\n"u8);

        Assert.Equal(0, first.Pings);
        Assert.Equal(1, second.Pings);
    }

    [Fact]
    public void Feed_PartialMessage_WaitsForTheRest()
    {
        var framer = new SipStreamFramer();

        SipFramerResult result = framer.Feed(Message.AsSpan(0, Message.Length - 1));

        Assert.Empty(result.Messages);
        Assert.False(result.IsFaulted);
        Assert.Equal(Message.Length - 1, framer.Buffered);
    }

    [Theory]
    [InlineData(null, "missing Content-Length")]
    [InlineData("Content-Length: many", "bad Content-Length")]
    [InlineData("Content-Length: 70000", "message larger than 65536 bytes")]
    public void Feed_UnframableMessage_FaultsForGood(string? contentLength, string error)
    {
        var framer = new SipStreamFramer();

        SipFramerResult result = framer.Feed(SipText.Crlf(SipText.Replace(SipText.Invite, "Content-Length", contentLength)));
        SipFramerResult after = framer.Feed(Message);

        Assert.Equal(error, result.Error);
        Assert.Equal(error, after.Error);
        Assert.Empty(after.Messages);
    }

    [Fact]
    public void Feed_CompactContentLength_IsUnderstood()
    {
        var framer = new SipStreamFramer();

        SipFramerResult result = framer.Feed(SipText.Crlf(SipText.Replace(SipText.Invite, "Content-Length", "l: 3")));

        Assert.Single(result.Messages);
    }

    [Fact]
    public void Feed_HeadersThatNeverEnd_FaultAtTheBound()
    {
        var framer = new SipStreamFramer(maxMessageBytes: 1024);
        byte[] endless = Encoding.ASCII.GetBytes("INVITE sip:a SIP/2.0\r\n" + new string('x', 2000));

        SipFramerResult result = framer.Feed(endless);

        Assert.True(result.IsFaulted);
        Assert.True(framer.Buffered <= 1024);
    }
}
