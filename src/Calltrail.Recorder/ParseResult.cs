using System.Diagnostics.CodeAnalysis;

namespace Calltrail.Recorder;

/// <summary>
/// What a parser hands back: a value, or an error text naming what was wrong. Parsers of network input
/// return this instead of throwing, because bad input from a peer is expected, not exceptional.
/// </summary>
public sealed class ParseResult<T>
    where T : class
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(null, error);

    public override string ToString() => IsSuccess ? $"ok: {Value}" : $"error: {Error}";
}
