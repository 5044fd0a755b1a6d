using System.Net;

namespace Calltrail.Recorder.Control;

/// <summary>
/// How the recorder listens and keeps audio. Validated once (<see cref="Validate"/>) at start; the
/// server binds these from the <c>Recorder</c> configuration section.
/// </summary>
public sealed class RecorderOptions
{
    /// <summary>Whether the server runs a recorder at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Address the SIP and RTP sockets bind to.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

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

    /// <summary>A session with no RTP and no SIP for this long is ended as if the client had sent BYE.</summary>
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
