using System.Reflection;
using System.Reflection.Emit;

namespace Calltrail.Tests.Architecture;

/// <summary>The methods a method body calls, read from its IL: enough to hold architecture rules as plain tests.</summary>
internal static class IlCalls
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var opCode = OpCodesByValue[value];
            var operandStart = position;
            position += OperandSize(opCode, il, position);
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, operandStart);
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(token, GenericArguments(method.DeclaringType), GenericArguments(method));
                }
                catch (ArgumentException)
                {
                    // A token in a generic context we did not supply; such calls never touch settings.
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }
        }
    }

    /// <summary>Every method, constructor and accessor the assembly defines, lambdas and local functions included.</summary>
    public static IEnumerable<MethodBase> AllMethods(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(all))
            {
                yield return method;
            }

            foreach (var constructor in type.GetConstructors(all))
            {
                yield return constructor;
            }
        }
    }

    private static Type[]? GenericArguments(Type? type) => type is { IsGenericType: true } ? type.GetGenericArguments() : null;

    private static Type[]? GenericArguments(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
