using System.Net;
using Calltrail.Recorder.Admission;

namespace Calltrail.Recorder.Control;

/// <summary>
/// How the recorder listens and keeps audio. Validated once (<see cref="Validate"/>) at start; the
/// server binds these from the <c>Recorder</c> configuration section.
/// </summary>
public sealed class RecorderOptions
{
    /// <summary>Whether the server runs a recorder at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Address the SIP and RTP sockets bind to. Loopback unless set: the server, when it is not set,
    /// puts here where its HTTP service listens (docs/recorder.md, "Who may record").
    /// </summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Addresses and CIDR ranges (IPv4 and IPv6) whose SIP requests are heard; any other source gets 403.
    /// Empty: loopback only (127.0.0.0/8 and ::1), so a fresh install is not an open recorder. An array,
    /// not a list, so configured entries replace the default rather than being added to it.
    /// </summary>
    public string[] AllowedSources { get; set; } = [];

    /// <summary>Concurrent sessions one source address may hold (one SBC forks every call of its site).</summary>
    public int MaxSessionsPerSource { get; set; } = 1000;

    /// <summary>RTP ports one source address may hold (two per session for the usual two-stream fork).</summary>
    public int MaxRtpPortsPerSource { get; set; } = 2000;

    /// <summary>
    /// Address peers are told to send media to (SDP <c>c=</c>, <c>Contact</c>). Empty: the address the
    /// INVITE arrived on as the peer saw it — right for one host, set it behind NAT or on several interfaces.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "";

    /// <summary>SIP port for UDP and TCP (0: any free port, for tests).</summary>
    public int SipPort { get; set; } = 5060;

    public int RtpPortMin { get; set; } = 20000;

    public int RtpPortMax { get; set; } = 29999;

    /// <summary>Where the encrypted recording files go; relative paths are under the data directory.</summary>
    public string Directory { get; set; } = "recordings";

    /// <summary>How often the RTP thread visits every stream's socket; a packet waits in the kernel at most this long.</summary>
    public TimeSpan RtpPollInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long audio may wait in memory for late and reordered packets before it is written.</summary>
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often written audio is handed to the operating system (what a SIGKILL can lose at most, plus the reorder window).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the audio of a session for a call the service has not heard of is held in memory, waiting for the call.</summary>
    public TimeSpan ProvisionalHold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A session whose client is sending (not on hold) and whose ports have had no RTP for this long — since
    /// it began, since it came off hold, or since the last packet — is ended as if the client had sent BYE.
    /// </summary>
    public TimeSpan NoMediaTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A session on hold (every stream inactive) with no RTP and no SIP for this long is ended as incomplete.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// At start, before listening, rewrap every recording not under <c>Recorder:ActiveKey</c> with it —
    /// the step of key rotation that lets an old key be removed (docs/recorder.md).
    /// </summary>
    public bool RewrapOnStart { get; set; }

    /// <summary>The problems, each naming its setting; empty when the options can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            problems.Add($"Recorder:ListenAddress '{ListenAddress}' is not an IP address.");
        }

        problems.AddRange(SourceNetworks.Problems(AllowedSources));
        if (MaxSessionsPerSource is < 1 or > 100_000)
        {
            problems.Add($"Recorder:MaxSessionsPerSource {MaxSessionsPerSource} must be from 1 to 100000.");
        }

        if (MaxRtpPortsPerSource is < 1 or > 65_536)
        {
            problems.Add($"Recorder:MaxRtpPortsPerSource {MaxRtpPortsPerSource} must be from 1 to 65536.");
        }

        if (AdvertisedAddress.Length > 0 && !IPAddress.TryParse(AdvertisedAddress, out _))
        {
            problems.Add($"Recorder:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.");
        }

        if (SipPort is < 0 or > 65535)
        {
            problems.Add($"Recorder:SipPort {SipPort} is not a port.");
        }

        if (RtpPortMin is < 1024 or > 65534 || RtpPortMax is < 1025 or > 65535 || RtpPortMax - RtpPortMin < 3)
        {
            problems.Add($"Recorder:RtpPortMin/RtpPortMax {RtpPortMin}-{RtpPortMax} must be a range of at least 4 ports within 1024-65535.");
        }

        Positive(problems, nameof(ReorderWindow), ReorderWindow, TimeSpan.FromSeconds(1));
        Positive(problems, nameof(RtpPollInterval), RtpPollInterval, TimeSpan.FromMilliseconds(100));
        if (RtpPollInterval * 2 > ReorderWindow)
        {
            problems.Add($"Recorder:RtpPollInterval {RtpPollInterval} must be at most half of Recorder:ReorderWindow {ReorderWindow}, or packets waiting in the kernel arrive too late to keep.");
        }

        Positive(problems, nameof(FlushInterval), FlushInterval, TimeSpan.FromSeconds(10));
        Positive(problems, nameof(ProvisionalHold), ProvisionalHold, TimeSpan.FromSeconds(30));
        Positive(problems, nameof(NoMediaTimeout), NoMediaTimeout, TimeSpan.FromHours(1));
        Positive(problems, nameof(IdleTimeout), IdleTimeout, TimeSpan.FromDays(1));
        return problems;
    }

    private static void Positive(List<string> problems, string name, TimeSpan value, TimeSpan max)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            problems.Add($"Recorder:{name} {value} must be more than zero and at most {max}.");
        }
    }
}
