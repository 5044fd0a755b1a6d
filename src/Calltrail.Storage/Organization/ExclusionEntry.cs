using Calltrail.Phones;

namespace Calltrail.Storage.Organization;

/// <summary>A number on the exclusion list, with who put it there and when (unix ms).</summary>
public sealed record ExclusionEntry(PhoneNumber Number, string AddedBy, long AddedAt);
