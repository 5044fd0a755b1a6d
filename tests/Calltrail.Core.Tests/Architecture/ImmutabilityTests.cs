using System.Collections.Immutable;
using System.Reflection;
using Calltrail.Decisions;

namespace Calltrail.Tests.Architecture;

/// <summary>The values the core hands out — verdicts, settings, calls — cannot be changed once made.</summary>
public class ImmutabilityTests
{
    private static readonly Type[] PublicTypes = [.. typeof(Decider).Assembly.GetExportedTypes()
        .Where(t => !t.IsAbstract || !t.IsSealed) // static classes hold functions, not state
        .Where(t => !t.IsEnum && !t.IsInterface)];

    [Fact]
    public void PublicTypes_HaveNoWritableFields()
    {
        var writable =
            from type in PublicTypes
            from field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            where !field.IsInitOnly && !IsCompilerBackingOfInitProperty(field)
            select $"{type.Name}.{field.Name}";

        Assert.Empty(writable);
    }

    [Fact]
    public void PublicTypes_HaveNoSettersButInit()
    {
        var settable =
            from type in PublicTypes
            from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            where property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter)
            select $"{type.Name}.{property.Name}";

        Assert.Empty(settable);
    }

    [Fact]
    public void PublicTypes_ExposeNoMutableCollections()
    {
        var mutable =
            from type in PublicTypes
            from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            let t = property.PropertyType
            where t.IsArray || (t.IsGenericType && t.GetGenericTypeDefinition() is var g
                && (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(HashSet<>)))
            select $"{type.Name}.{property.Name}";

        Assert.Empty(mutable);
    }

    [Fact]
    public void Verdict_SpansAreAnImmutableArray() =>
        Assert.Equal(typeof(ImmutableArray<Calltrail.Timeline.Span>), typeof(Verdict).GetProperty(nameof(Verdict.Spans))!.PropertyType);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    // Backing fields of { get; init; } properties are not marked readonly by the compiler.
    private static bool IsCompilerBackingOfInitProperty(FieldInfo field) =>
        field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)
        && field.DeclaringType!.GetProperty(field.Name[1..field.Name.IndexOf('>', StringComparison.Ordinal)], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            is { SetMethod: var setter } && (setter is null || IsInitOnly(setter));
}
