namespace Calltrail.Recorder.Sdp;

/// <summary>The o= line: who made the description and which version of it this is.</summary>
public sealed record SdpOrigin(string UserName, string SessionId, string SessionVersion, string NetworkType, string AddressType, string Address);

/// <summary>A c= line. For multicast the address may carry <c>/ttl</c>; it is kept as sent.</summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address);

/// <summary>An a= line: <c>a=name:value</c>, or <c>a=name</c> with a null value.</summary>
public sealed record SdpAttribute(string Name, string? Value);

/// <summary>An a=rtpmap: payload type to encoding name, clock rate and channel count (1 when not given).</summary>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int Channels);
