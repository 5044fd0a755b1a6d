using Calltrail.Service.Benchmarks;

namespace Calltrail.Recorder.Benchmarks.Runs;

/// <summary>
/// A runtime configuration under comparison, given to the server and the floor alike as environment
/// (so it can be tried without editing src/): the notes on real-time media in .NET name these two.
/// </summary>
public sealed record Configuration(string Name, IReadOnlyDictionary<string, string> Environment)
{
    private const string Inline = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    // The runtime option System.Threading.ThreadPool.UnfairSemaphoreSpinLimit, read from the environment too.
    private const string NoSpin = "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit";

    public static Configuration Named(string name) => name switch
    {
        "default" => new(name, new Dictionary<string, string>()),
        "inline" => new(name, new Dictionary<string, string> { [Inline] = "1" }),
        "nospin" => new(name, new Dictionary<string, string> { [NoSpin] = "0" }),
        "both" => new(name, new Dictionary<string, string> { [Inline] = "1", [NoSpin] = "0" }),
        _ => throw new ArgsException($"unknown configuration '{name}'; use default, inline, nospin or both"),
    };

    public string Describe() => Environment.Count == 0 ? "(none)" : string.Join(' ', Environment.Select(e => $"{e.Key}={e.Value}"));
}
