namespace Calltrail.Decisions;

/// <summary>Which system's rules judge the call (behavior.md, "Which path a call takes").</summary>
public enum CallPath
{
    Internal,
    Continuity,
    TenantWithoutContactCenter,
    NonSeatUser,
    ContactCenter,
}

public static class CallPaths
{
    public static string Id(this CallPath path) => path switch
    {
        CallPath.Internal => "internal",
        CallPath.Continuity => "continuity",
        CallPath.TenantWithoutContactCenter => "tenant-without-contact-center",
        CallPath.NonSeatUser => "non-seat-user",
        CallPath.ContactCenter => "contact-center",
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    /// <summary>The paths on which the field-service settings apply and the field service records.</summary>
    public static bool IsFieldService(this CallPath path) =>
        path is CallPath.Continuity or CallPath.TenantWithoutContactCenter or CallPath.NonSeatUser;
}
