using System.Net;

namespace Calltrail.Recorder.Admission;

/// <summary>
/// What each source address holds now — sessions and RTP ports — against the per-source limits, so one
/// client (a loop, a misconfigured SBC, an allowed host gone bad) cannot take every port from the others.
/// </summary>
public sealed class SourceQuotas(int maxSessions, int maxPorts)
{
    private readonly Dictionary<IPAddress, Held> held = [];
    private readonly Lock gate = new();

    /// <summary>Takes one session and <paramref name="ports"/> ports for <paramref name="source"/>; null when done, else why not.</summary>
    public string? TryTake(IPAddress source, int ports)
    {
        lock (gate)
        {
            var now = held.GetValueOrDefault(source);
            if (now.Sessions + 1 > maxSessions)
            {
                return $"this source already has {now.Sessions} recording sessions (Recorder:MaxSessionsPerSource {maxSessions})";
            }

            if (now.Ports + ports > maxPorts)
            {
                return $"this source already holds {now.Ports} RTP ports (Recorder:MaxRtpPortsPerSource {maxPorts})";
            }

            held[source] = new Held(now.Sessions + 1, now.Ports + ports);
            return null;
        }
    }

    /// <summary>Gives back what <see cref="TryTake"/> took.</summary>
    public void Give(IPAddress source, int ports)
    {
        lock (gate)
        {
            var now = held.GetValueOrDefault(source);
            var after = new Held(Math.Max(0, now.Sessions - 1), Math.Max(0, now.Ports - ports));
            if (after.Sessions == 0)
            {
                held.Remove(source);
            }
            else
            {
                held[source] = after;
            }
        }
    }

    /// <summary>What <paramref name="source"/> holds now.</summary>
    public (int Sessions, int Ports) Of(IPAddress source)
    {
        lock (gate)
        {
            var now = held.GetValueOrDefault(source);
            return (now.Sessions, now.Ports);
        }
    }

    private readonly record struct Held(int Sessions, int Ports);
}
