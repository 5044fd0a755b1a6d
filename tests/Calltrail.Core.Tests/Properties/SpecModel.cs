using System.Text.RegularExpressions;
using Calltrail.Calls;
using Calltrail.Decisions;
using Calltrail.Settings;
using Calltrail.Timeline;

namespace Calltrail.Tests.Properties;

/// <summary>
/// The parts of spec/behavior.md the properties need, written again here from the rule book and not
/// borrowed from the engine (no PathRules, EventWindows, SpanMath or SettingsPrecedence), so that a
/// fault in the engine's helpers cannot hide itself.
/// </summary>
internal static partial class SpecModel
{
    /// <summary>"Which path a call takes", first match wins.</summary>
    public static CallPath ExpectedPath(Scenario scenario)
    {
        var call = scenario.Call;
        if (call.Internal)
        {
            return CallPath.Internal;
        }

        var tenant = TenantSettings(scenario);
        if (tenant is { Continuity.Enabled: true })
        {
            return CallPath.Continuity;
        }

        if (call.Direction == Direction.Inbound && call.Via == Via.TrackingNumber && tenant is { UsesContactCenter: false })
        {
            return CallPath.TenantWithoutContactCenter;
        }

        var seatless = call.User is { } user && scenario.Employees.TryGetValue(user, out var employee) && !employee.Seat;
        return call.Direction == Direction.Outbound && seatless ? CallPath.NonSeatUser : CallPath.ContactCenter;
    }

    /// <summary>The call's tenant's settings: null without a tenant, the defaults for a tenant missing from the settings.</summary>
    public static FieldServiceSettings? TenantSettings(Scenario scenario) =>
        scenario.Call.Tenant is not { } tenant ? null
        : scenario.Settings.FieldService.TryGetValue(tenant, out var fs) ? fs
        : new FieldServiceSettings();

    public static bool IsFieldServicePath(CallPath path) =>
        path is CallPath.Continuity or CallPath.TenantWithoutContactCenter or CallPath.NonSeatUser;

    /// <summary>The external party (caller on inbound, callee on outbound) is on the exclusion list.</summary>
    public static bool ExternalPartyExcluded(Scenario scenario)
    {
        var call = scenario.Call;
        var party = call.Direction == Direction.Inbound ? call.From : call.To;
        return party is { } number && scenario.Settings.ContactCenter.ExclusionList.Numbers.Any(n => n.E164 == number.E164);
    }

    /// <summary>Contact-center rules 1–2 and the external transfer: what records an inbound call whatever the settings say.</summary>
    public static bool RecordingForced(Call call) =>
        call.Direction == Direction.Inbound
        && (call.Handler is Handler.VirtualAgent or Handler.ExternalNumber || call.Transfer is { To: TransferTarget.ExternalNumber });

    /// <summary>
    /// Windows from opening and closing events: sorted by time (stable, so same-time events keep their
    /// order); an open while closed starts a window, a close while open ends it, anything else is
    /// ignored; a window still open at the end runs to <paramref name="durationMs"/>.
    /// </summary>
    public static IReadOnlyList<(long Start, long End)> Windows(IEnumerable<CallEvent> events, CallEventType open, CallEventType close, long durationMs)
    {
        var windows = new List<(long Start, long End)>();
        long? openedAt = null;
        foreach (var e in events.OrderBy(e => e.AtMs))
        {
            if (e.Type == open && openedAt is null)
            {
                openedAt = e.AtMs;
            }
            else if (e.Type == close && openedAt is { } start)
            {
                windows.Add((start, e.AtMs));
                openedAt = null;
            }
        }

        if (openedAt is { } stillOpen)
        {
            windows.Add((stillOpen, durationMs));
        }

        return windows;
    }

    /// <summary>
    /// A span and a window share audio of positive length: touching is not overlapping, and an empty
    /// window (opened and closed at the same millisecond) overlaps nothing, even strictly inside a span.
    /// </summary>
    public static bool Overlap(Span span, (long Start, long End) window) =>
        Math.Max(span.StartMs, window.Start) < Math.Min(span.EndMs, window.End);

    public static string Show(IEnumerable<Span> spans) => "[" + string.Join(", ", spans.Select(s => $"[{s.StartMs}, {s.EndMs}]")) + "]";

    public static string Show(Verdict v) =>
        $"path={v.Path} logged={v.Logged} recorded={v.Recorded} synced={v.SyncedToFieldService} autoPause={v.AutoPause} announce={v.Announce} spans={Show(v.Spans)} reasons=[{v.Reasons}]";

    // ---- the rule book's reason ids ------------------------------------------------------------

    private static readonly Lazy<IReadOnlySet<string>> SpecReasonIds = new(ReadSpecReasonIds);

    /// <summary>The ids listed in the "## Reasons" section of spec/behavior.md, read from the file.</summary>
    public static IReadOnlySet<string> ReasonIdsInSpec => SpecReasonIds.Value;

    private static IReadOnlySet<string> ReadSpecReasonIds()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "spec", "behavior.md")).ReplaceLineEndings("\n");
        var start = text.IndexOf("\n## Reasons\n", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("spec/behavior.md has no '## Reasons' section.");
        }

        var body = text[(start + "\n## Reasons\n".Length)..];
        var next = body.IndexOf("\n## ", StringComparison.Ordinal);
        if (next >= 0)
        {
            body = body[..next];
        }

        // The id list is the paragraph made of nothing but backticked ids, commas and a full stop; the
        // prose around it also quotes words in backticks (`reasons`), which are not ids.
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var quoted = BacktickedId().Matches(paragraph);
            var rest = BacktickedId().Replace(paragraph, string.Empty);
            if (quoted.Count > 0 && rest.All(c => c is ',' or '.' or ' ' or '\n'))
            {
                ids.UnionWith(quoted.Select(m => m.Groups[1].Value));
            }
        }

        return ids;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Calltrail.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} holds Calltrail.slnx.");
    }

    [GeneratedRegex("`([a-z0-9-]+)`")]
    private static partial Regex BacktickedId();
}
