using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Calltrail.Recorder.Audio;
using Calltrail.TestKit;

namespace Calltrail.Server.Tests.Recording;

/// <summary>
/// sipp as the SIPREC client, running the repository's scenario (sipp/siprec-call.xml) from a working
/// directory of its own that holds the caller's audio, plus helpers to make and read real audio.
/// </summary>
internal sealed class SippPeer : IDisposable
{
    private int signalingPort;

    public SippPeer()
    {
        Directory.CreateDirectory(WorkingDirectory);
        File.Copy(RepoPaths.File("sipp", "siprec-call.xml"), Path.Combine(WorkingDirectory, "siprec-call.xml"));
    }

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), $"calltrail-sipp-{Guid.NewGuid():N}");

    /// <summary>The caller's audio: a tone, written by sox as headerless µ-law the way rtp_stream wants it.</summary>
    public Task WriteCallerToneAsync(int frequency, int seconds) =>
        RunAsync("sox", $"-n -r 8000 -c 1 -t ul caller.ul synth {seconds} sine {frequency}", WorkingDirectory);

    /// <summary>Stream 1 plays a pcap's RTP (sipp rewrites its addresses) instead of the looped caller.ul.</summary>
    public void PlayPcap(string pcap)
    {
        var scenario = Path.Combine(WorkingDirectory, "siprec-call.xml");
        var text = File.ReadAllText(scenario);
        const string stream = "<exec rtp_stream=\"caller.ul,-1,0\" />";
        Assert.Contains(stream, text);
        File.WriteAllText(scenario, text.Replace(stream, $"<exec play_pcap_audio=\"{pcap}\" />", StringComparison.Ordinal)
            .Replace("<exec rtp_stream=\"pause\" />", "", StringComparison.Ordinal));
    }

    /// <summary>Runs one call: INVITE, ACK, <paramref name="durationMs"/> of audio on stream 1, BYE.</summary>
    /// <param name="from">sipp's own address (signalling and media): another 127.x address is another source to the recorder.</param>
    public Process Start(int recorderPort, string callId, int durationMs, string from = "127.0.0.1") => Run(recorderPort, callId, durationMs, FreeUdpPort(), from);

    /// <summary>
    /// Runs one call whose end the test decides: INVITE, ACK, audio on stream 1 until <see cref="HangUpAsync"/>, BYE.
    /// sipp waits for an INFO from the test where the scenario pauses, so the call is as long as the test needs
    /// however slowly the test gets through its steps (a fixed <c>-d</c> races a loaded machine).
    /// </summary>
    public Process StartUntilHungUp(int recorderPort, string callId)
    {
        var scenario = Path.Combine(WorkingDirectory, "siprec-call.xml");
        var text = File.ReadAllText(scenario);
        const string pause = "<pause />";
        Assert.Contains(pause, text);
        File.WriteAllText(scenario, text.Replace(pause, """
            <recv request="INFO" />
              <send>
                <![CDATA[
                  SIP/2.0 200 OK
                  [last_Via:]
                  [last_From:]
                  [last_To:]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Content-Length: 0
                ]]>
              </send>
            """, StringComparison.Ordinal));
        signalingPort = FreeUdpPort();
        return Run(recorderPort, callId, 0, signalingPort);
    }

    /// <summary>
    /// Tells the sipp of <see cref="StartUntilHungUp"/> to end its call (<paramref name="sipCallId"/>, as the recorder saw it);
    /// wait for the process to exit. sipp sends its 200 for the INFO to its one remote, the recorder, which ignores responses.
    /// </summary>
    public async Task HangUpAsync(string sipCallId)
    {
        Assert.True(signalingPort != 0, "HangUpAsync is for a call started with StartUntilHungUp");
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        var info =
            $"INFO sip:src@127.0.0.1:{signalingPort} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bK-hangup-{Guid.NewGuid():N}\r\n" +
            $"From: <sip:test@127.0.0.1:{local}>;tag=hangup\r\n" +
            $"To: <sip:src@127.0.0.1:{signalingPort}>\r\n" +
            $"Call-ID: {sipCallId}\r\n" +
            "CSeq: 1 INFO\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        await udp.SendAsync(System.Text.Encoding.ASCII.GetBytes(info), new IPEndPoint(IPAddress.Loopback, signalingPort));
    }

    private Process Run(int recorderPort, string callId, int durationMs, int port, string from = "127.0.0.1")
    {
        var arguments =
            $"-sf siprec-call.xml -key callid {callId} -d {durationMs} -m 1 -p {port} -mp {FreeUdpPort()} " +
            $"-i {from} -mi {from} -nostdin -timeout 60 -timeout_error -trace_err 127.0.0.1:{recorderPort}";
        return Process.Start(new ProcessStartInfo("sipp", arguments)
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
    }

    /// <summary>Sends a second participant's stream as the client would: a µ-law tone in 20 ms packets, paced in real time.</summary>
    public static async Task SendToneAsync(int port, int frequency, TimeSpan length, CancellationToken cancellationToken)
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        var target = new IPEndPoint(IPAddress.Loopback, port);
        var packet = new byte[12 + 160];
        var pcm = new short[160];
        var clock = Stopwatch.StartNew();
        for (var n = 0; clock.Elapsed < length && !cancellationToken.IsCancellationRequested; n++)
        {
            packet[0] = 0x80;
            packet[1] = 0; // PCMU
            packet[2] = (byte)(n >> 8);
            packet[3] = (byte)n;
            var timestamp = (uint)(n * 160);
            packet[4] = (byte)(timestamp >> 24);
            packet[5] = (byte)(timestamp >> 16);
            packet[6] = (byte)(timestamp >> 8);
            packet[7] = (byte)timestamp;
            packet[11] = 0x42; // SSRC
            for (var i = 0; i < 160; i++)
            {
                pcm[i] = (short)(0.4 * 32767 * Math.Sin(2 * Math.PI * frequency * ((n * 160) + i) / 8000.0));
            }

            G711.Encode(pcm, packet.AsSpan(12), G711Law.MuLaw);
            await udp.SendAsync(packet, target, cancellationToken);
            var due = TimeSpan.FromMilliseconds((n + 1) * 20) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }
        }
    }

    /// <summary>Decodes a WAV with sox (not with Calltrail's own reader) into one array of samples per channel.</summary>
    public async Task<short[][]> DecodeAsync(byte[] wav, int channels)
    {
        var wavFile = Path.Combine(WorkingDirectory, $"{Guid.NewGuid():N}.wav");
        var rawFile = Path.ChangeExtension(wavFile, ".raw");
        await File.WriteAllBytesAsync(wavFile, wav);
        await RunAsync("sox", $"{wavFile} -t raw -e signed-integer -b 16 -L {rawFile}", WorkingDirectory);
        var bytes = await File.ReadAllBytesAsync(rawFile);
        var frames = bytes.Length / (2 * channels);
        var result = Enumerable.Range(0, channels).Select(_ => new short[frames]).ToArray();
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < channels; c++)
            {
                result[c][f] = BitConverter.ToInt16(bytes, ((f * channels) + c) * 2);
            }
        }

        return result;
    }

    public static async Task RunAsync(string program, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} exited {process.ExitCode}: {errors}");
        }
    }

    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
