using System.Reflection;
using System.Xml.Linq;
using Calltrail.Decisions;
using Calltrail.Settings;
using Calltrail.TestKit;

namespace Calltrail.Tests.Architecture;

/// <summary>
/// docs/ARCHITECTURE.md's hard constraints for the core, held as tests: no packages, no I/O, no clock,
/// no generated ids, no randomness; and settings precedence decided in exactly one function.
/// </summary>
public class CoreIsPureTests
{
    private static readonly Assembly Core = typeof(Decider).Assembly;

    /// <summary>Namespaces and types that would bring I/O, the clock, ids or chance into the core.</summary>
    private static readonly string[] Forbidden =
    [
        "System.IO.", "System.Net.", "System.Threading.Tasks.", "System.Diagnostics.Process", "System.Diagnostics.Stopwatch",
        "System.Console", "System.Environment", "System.Random", "System.Guid", "System.DateTime", "System.DateTimeOffset",
        "System.TimeProvider", "System.Threading.Thread", "System.Threading.Timer", "System.Security.Cryptography.",
    ];

    [Fact]
    public void CoreProject_HasNoPackageReferences()
    {
        var project = XDocument.Load(RepoPaths.File("src", "Calltrail.Core", "Calltrail.Core.csproj"));

        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference");
    }

    [Fact]
    public void CoreAssembly_ReferencesOnlyTheBaseLibrary()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System.", StringComparison.Ordinal) && !name.StartsWith("System.Net", StringComparison.Ordinal)
                && !name.StartsWith("System.IO", StringComparison.Ordinal) && name != "System.Console",
            $"The core references {name}."));
    }

    [Fact]
    public void CoreCode_CallsNothingThatDoesIoReadsTheClockOrMakesIds()
    {
        var offences =
            from method in IlCalls.AllMethods(Core)
            from callee in IlCalls.Callees(method)
            let owner = callee.DeclaringType?.FullName ?? string.Empty
            where Forbidden.Any(f => owner.StartsWith(f, StringComparison.Ordinal) || owner == f.TrimEnd('.'))
            select $"{method.DeclaringType?.Name}.{method.Name} calls {owner}.{callee.Name}";

        Assert.Empty(offences);
    }

    [Fact]
    public void CoreTypes_HaveNoFieldsOrPropertiesOfForbiddenTypes()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var offences =
            from type in Core.GetTypes()
            from member in type.GetFields(all).Select(f => (f.Name, Type: f.FieldType))
                .Concat(type.GetProperties(all).Select(p => (p.Name, Type: p.PropertyType)))
            let name = member.Type.FullName ?? member.Type.Name
            where Forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal))
            select $"{type.Name}.{member.Name} is a {name}";

        Assert.Empty(offences);
    }

    [Fact]
    public void SettingsPrecedence_IsDecidedInOneFunction()
    {
        // Whoever reads the defaults or the custom entries is deciding precedence; only SettingsPrecedence may.
        string[] precedenceGetters = ["get_Defaults", "get_Queues", "get_Users", "get_FieldService"];
        var readers =
            from method in IlCalls.AllMethods(Core)
            where method.DeclaringType != typeof(SettingsPrecedence)
            from callee in IlCalls.Callees(method)
            where callee.DeclaringType == typeof(ContactCenterSettings) || callee.DeclaringType == typeof(OrganizationSettings)
            where precedenceGetters.Contains(callee.Name)
            where !IsCompilerGeneratedMemberOf(method, callee.DeclaringType!)
            select $"{method.DeclaringType!.Name}.{method.Name} reads {callee.DeclaringType!.Name}.{callee.Name}";

        Assert.Empty(readers);
    }

    [Fact]
    public void IlCalls_SeesThePrecedenceFunctionReadingTheSettings()
    {
        // Guards the test above against an IL reader that sees nothing.
        var resolve = typeof(SettingsPrecedence).GetMethod(nameof(SettingsPrecedence.Resolve))!;

        Assert.Contains(IlCalls.Callees(resolve), c => c.Name == "get_Queues");
        Assert.Contains(IlCalls.Callees(resolve), c => c.Name == "get_Defaults");
    }

    // A record's own Equals, ToString and copy constructor read its properties; that is not deciding anything.
    private static bool IsCompilerGeneratedMemberOf(MethodBase method, Type settingsType) =>
        method.DeclaringType == settingsType;
}
