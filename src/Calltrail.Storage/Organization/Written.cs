using System.Diagnostics.CodeAnalysis;

namespace Calltrail.Storage.Organization;

/// <summary>Why a change was not made.</summary>
public enum RefusalKind
{
    /// <summary>The request names something invalid (an unknown queue, a tenant that does not exist).</summary>
    Invalid,

    /// <summary>The thing to change does not exist.</summary>
    NotFound,

    /// <summary>The change clashes with what is stored (a number already listed, a direct line in use).</summary>
    Conflict,
}

/// <summary>A refused change: nothing was written. <see cref="Field"/> is the request field at fault, when there is one.</summary>
public sealed record Refusal(RefusalKind Kind, string Field, string Message)
{
    /// <summary>Facts a client may act on, such as who added a number already on the exclusion list.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; init; } = new Dictionary<string, object?>();
}

/// <summary>
/// The result of a settings change: the thing as it now stands (as it stood, for a delete), or why
/// nothing was written; and the settings version in force once the change committed.
/// </summary>
public sealed record Written<T>(T? Value, Refusal? Refusal, bool Created = false, long Version = 0)
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;
}

internal static class Written
{
    public static Written<T> Done<T>(T value, bool created = false) => new(value, null, created);

    public static Written<T> Refused<T>(RefusalKind kind, string field, string message) => new(default, new Refusal(kind, field, message));

    public static Written<T> Refused<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>What an import did: the settings version now in force and how many settings it changed (0: it was already so).</summary>
public sealed record ImportResult(long Version, int Changes);
