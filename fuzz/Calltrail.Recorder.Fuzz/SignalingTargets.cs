using System.Text;
using Calltrail.Recorder.Multipart;
using Calltrail.Recorder.Sdp;
using Calltrail.Recorder.Sip;
using Calltrail.Recorder.Siprec;

namespace Calltrail.Recorder.Fuzz;

/// <summary>What a SIPREC client sends the recorder's SIP port: SIP, SDP, the multipart body, the metadata XML.</summary>
public static class SignalingTargets
{
    /// <summary>Datagram parse, then the same bytes through the stream framer in two pieces.</summary>
    public static bool Sip(byte[] data)
    {
        SipParseResult result = SipParser.Parse(data);
        if (!result.IsSuccess)
        {
            _ = SipResponse.ToError(result.Error)?.ToBytes();
        }
        else
        {
            _ = SipResponse.To(result.Message, 200, "OK").WithToTag("t").ToBytes();
        }

        var framer = new SipStreamFramer();
        int half = data.Length / 2;
        _ = framer.Feed(data.AsSpan(0, half));
        _ = framer.Feed(data.AsSpan(half));
        return result.IsSuccess;
    }

    public static bool Sdp(byte[] data)
    {
        ParseResult<SessionDescription> result = SessionDescription.Parse(Encoding.UTF8.GetString(data));
        if (result.IsSuccess)
        {
            int[] ports = [.. result.Value.Media.Select((_, i) => 20000 + (2 * i))];
            _ = SdpAnswer.Create(result.Value, ports, new SdpAnswerOptions("192.0.2.1", 1, 1));
        }

        return result.IsSuccess;
    }

    /// <summary>The first line is the boundary, the rest the body, so the fuzzer can vary both.</summary>
    public static bool Multipart(byte[] data)
    {
        int newline = Array.IndexOf(data, (byte)'\n');
        string boundary = Encoding.UTF8.GetString(data, 0, Math.Max(0, newline)).TrimEnd('\r');
        ReadOnlyMemory<byte> body = newline < 0 ? ReadOnlyMemory<byte>.Empty : data.AsMemory(newline + 1);
        return MultipartParser.Parse(body, boundary).IsSuccess;
    }

    public static bool Metadata(byte[] data)
    {
        ParseResult<RecordingMetadata> result = RecordingMetadata.Parse(data);
        if (result.IsSuccess)
        {
            foreach (MetadataStream stream in result.Value.Streams)
            {
                _ = result.Value.FindLabel(stream.Label ?? string.Empty);
            }
        }

        return result.IsSuccess;
    }

    /// <summary>The whole INVITE path: SIP message, body split, SDP and its answer, metadata and label lookup.</summary>
    public static bool SiprecInvite(byte[] data)
    {
        SipParseResult sip = SipParser.Parse(data);
        if (!sip.IsSuccess)
        {
            return false;
        }

        ParseResult<SiprecBodyParts> parts = SiprecBody.Split(sip.Message.ContentType, sip.Message.Body);
        if (!parts.IsSuccess || parts.Value.Sdp is not ReadOnlyMemory<byte> sdp || !Sdp(sdp.ToArray()))
        {
            return false;
        }

        return parts.Value.Metadata is not ReadOnlyMemory<byte> metadata || Metadata(metadata.ToArray());
    }
}
