namespace Calltrail.Storage.Organization;

/// <summary>
/// One settings change: when (unix ms), by whom, what (<c>queue:sales.recording</c>,
/// <c>contact-center.defaults</c>, <c>exclusion-list:+15550109999</c>, …) and the value before and
/// after as JSON text (null when there was none).
/// </summary>
public sealed record AuditEntry(long Id, long At, string Actor, string Subject, string? Before, string? After);
