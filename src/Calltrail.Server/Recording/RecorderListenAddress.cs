using System.Net;

namespace Calltrail.Server.Recording;

/// <summary>
/// Where the recorder listens when <c>Recorder:ListenAddress</c> is not set: where the HTTP service does.
/// A service kept to loopback keeps its recorder on loopback too; one open to the network opens both.
/// </summary>
public static class RecorderListenAddress
{
    private const string Any = "0.0.0.0";
    private const string LoopbackV4 = "127.0.0.1";

    /// <summary>The setting if given, else the address the HTTP URLs imply (<see cref="Of"/> of <see cref="HttpUrls"/>).</summary>
    public static string Resolve(IConfiguration configuration) =>
        configuration["Recorder:ListenAddress"] is { Length: > 0 } set ? set : Of(HttpUrls(configuration));

    /// <summary>
    /// The URLs Kestrel will listen on, by its own precedence: configured endpoints, else <c>urls</c>
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else <c>http_ports</c>/<c>https_ports</c> (every address),
    /// else its default, http://localhost:5000.
    /// </summary>
    public static IReadOnlyList<string> HttpUrls(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0).ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        if (Split(configuration["urls"]) is { Count: > 0 } urls)
        {
            return urls;
        }

        var ports = Split(configuration["http_ports"]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration["https_ports"]).Select(p => $"https://*:{p}")).ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    /// <summary>
    /// Every URL on loopback (localhost, 127.x, [::1]): that loopback address. Any URL on every address
    /// (<c>*</c>, <c>+</c>, 0.0.0.0, [::], or a host name, which Kestrel binds to every address): 0.0.0.0.
    /// Otherwise the first specific address.
    /// </summary>
    public static string Of(IEnumerable<string> urls)
    {
        var hosts = urls.Select(Host).ToList();
        if (hosts.Any(h => h.Kind == HostKind.Any))
        {
            return Any;
        }

        if (hosts.FirstOrDefault(h => h.Kind == HostKind.Specific) is { } specific)
        {
            return specific.Address!.ToString();
        }

        // All loopback (or none): IPv4's unless every URL is [::1]; one socket serves one family.
        var v4 = hosts.Where(h => h.Address is null || h.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork).ToList();
        return hosts.Count > 0 && v4.Count == 0 ? IPAddress.IPv6Loopback.ToString() : v4.Select(h => h.Address).OfType<IPAddress>().FirstOrDefault()?.ToString() ?? LoopbackV4;
    }

    private static ListenHost Host(string url)
    {
        var rest = url.Trim();
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        rest = scheme >= 0 ? rest[(scheme + 3)..] : rest;
        string host;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? rest[1..close] : rest;
        }
        else
        {
            host = rest.Split(':', '/')[0];
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ListenHost(HostKind.Loopback, null);
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return new ListenHost(HostKind.Any, null); // *, +, or a name: Kestrel listens on every address
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return new ListenHost(HostKind.Any, null);
        }

        return new ListenHost(IPAddress.IsLoopback(address) ? HostKind.Loopback : HostKind.Specific, address);
    }

    private static List<string> Split(string? list) =>
        [.. (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private enum HostKind
    {
        Loopback,
        Specific,
        Any,
    }

    private sealed record ListenHost(HostKind Kind, IPAddress? Address);
}
