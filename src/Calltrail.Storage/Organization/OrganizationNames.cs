namespace Calltrail.Storage.Organization;

/// <summary>
/// The rule for tenant, queue and employee ids (the names the scenario format uses, such as "north",
/// "sales", "ana") and for the display names beside them: any text of up to 200 characters that is
/// not blank and has no control characters, so it prints and logs safely.
/// </summary>
public static class OrganizationNames
{
    public const int MaxLength = 200;

    /// <summary>What is wrong with <paramref name="text"/>, or null when it is a good id or name.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "must not be empty";
        }

        if (text.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        return text.Any(char.IsControl) ? "must not contain control characters" : null;
    }

    /// <summary>Ids reaching the store have been checked at the edge; one that was not is a programming error.</summary>
    internal static void Require(string id, string parameter)
    {
        if (Problem(id) is { } problem)
        {
            throw new ArgumentException($"'{id}' is not a valid id: it {problem}.", parameter);
        }
    }
}
