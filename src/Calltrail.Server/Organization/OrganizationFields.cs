using Calltrail.Scenarios.Reading;
using Calltrail.Storage.Organization;

namespace Calltrail.Server.Organization;

/// <summary>
/// The organization's own rule on top of the strict reader: names, ids and campaign labels must pass
/// <see cref="OrganizationNames"/> (not blank, at most 200 characters, no control characters), the rule
/// the store relies on.
/// </summary>
internal static class OrganizationFields
{
    public static string? ShortText(this JsonFields fields, string name) => fields.Text(name, OrganizationNames.Problem);

    /// <summary>An array of ids (queues), each a valid id, none twice.</summary>
    public static IReadOnlyList<string>? Ids(this JsonFields fields, string name) =>
        fields.TextList(name, "an array of ids", OrganizationNames.Problem);
}
