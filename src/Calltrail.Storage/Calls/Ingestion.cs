using Calltrail.Live;

namespace Calltrail.Storage.Calls;

/// <summary>The events of one request, and the tenants its caller may touch (null: every tenant).</summary>
/// <param name="IsArray">The request sent an array, so its fields are named <c>[i].callId</c>; else <c>callId</c>.</param>
public sealed record EventSubmission(IReadOnlyList<LiveEvent> Events, IReadOnlyCollection<string>? AllowedTenants, bool IsArray = true)
{
    /// <summary>The request's name for a field of its <paramref name="index"/>th event, as the reader names it.</summary>
    public string Field(int index, string name) => IsArray ? $"[{index}].{name}" : name;

    /// <summary>What begins a sentence about the request's <paramref name="index"/>th event: <c>[2]: </c>, or nothing for a lone event.</summary>
    public string Prefix(int index) => IsArray ? $"[{index}]: " : "";
}

public enum SubmissionOutcome
{
    /// <summary>Every event is stored (now or before): durable once the batch commits.</summary>
    Accepted,

    /// <summary>An event reuses a call's sequence number with different content; nothing of the request was stored.</summary>
    Conflict,

    /// <summary>The request touches a call outside the caller's tenants; nothing of it was stored.</summary>
    Forbidden,

    /// <summary>
    /// A field is wrong in the light of what is stored (an unknown tenant, a tracking number of another
    /// tenant); <see cref="SubmissionResult.Field"/> names it. Nothing of the request was stored.
    /// </summary>
    Invalid,
}

/// <param name="Stored">Events stored by this request.</param>
/// <param name="Repeated">Events already stored with the same content (a retried delivery).</param>
/// <param name="Problem">
/// Why not, in words that name only what the request itself sent: never a stored event, nor whether a
/// call of another tenant exists (docs/access.md).
/// </param>
/// <param name="Field">The request field an <see cref="SubmissionOutcome.Invalid"/> answer is about.</param>
public sealed record SubmissionResult(SubmissionOutcome Outcome, int Stored, int Repeated, string? Problem = null, string? Field = null);

/// <summary>A call whose records changed in a batch, for whoever acts on it (the recorder, desktops).</summary>
/// <param name="AudioBefore">What was in force for the call's audio before these events.</param>
/// <param name="Plan">
/// The call's plan as of this commit: what the recorder must make of its audio. Its version is one more
/// than before, per call, never going back; a server that hears of the change from another server
/// compares it with the version it has acted on.
/// </param>
/// <param name="AnnounceNow">The employee's desktop should prompt to announce the recording now (once per call).</param>
public sealed record CallUpdate(
    string CallId,
    string? Tenant,
    string? Employee,
    Judgement Judgement,
    AudioState AudioBefore,
    bool AnnounceNow,
    RecordingPlan Plan)
{
    public long PlanVersion => Plan.Version;
}

public sealed record BatchResult(IReadOnlyList<SubmissionResult> Submissions, IReadOnlyList<CallUpdate> Updates);
