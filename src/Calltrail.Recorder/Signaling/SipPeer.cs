using System.Net;

namespace Calltrail.Recorder.Signaling;

/// <summary>
/// Where a SIP request came from and how to answer it: responses go back the way the request came —
/// to the datagram's source (as with <c>rport</c>, which is what works behind NAT) or down the same TCP
/// connection (RFC 3261 §18.2.2).
/// </summary>
public abstract class SipPeer
{
    public abstract string Transport { get; }

    public abstract IPEndPoint Remote { get; }

    /// <summary>The address the peer reached us on: what we advertise in Contact and SDP unless configured otherwise.</summary>
    public abstract IPEndPoint Local { get; }

    /// <summary>Whether the transport itself is reliable (TCP): no retransmissions then.</summary>
    public abstract bool IsReliable { get; }

    public abstract ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);
}
