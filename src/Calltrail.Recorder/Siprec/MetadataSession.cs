namespace Calltrail.Recorder.Siprec;

/// <summary>
/// A recorded communication session: its id, its Session-ID values (RFC 7865 sipSessionID) and the leaf values
/// of its extensiondata, as (local name, text) pairs in document order.
/// </summary>
public sealed record MetadataSession(string Id, IReadOnlyList<string> SipSessionIds, IReadOnlyList<KeyValuePair<string, string>> Extensions);
