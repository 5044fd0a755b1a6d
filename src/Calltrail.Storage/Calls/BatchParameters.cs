using System.Collections.Concurrent;
using System.Data;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Calltrail.Storage.Calls;

/// <summary>
/// Binds a row's properties to the <c>@Name</c> placeholders of a statement, as Dapper does (names
/// compared ignoring case), for statements sent in an <see cref="NpgsqlBatch"/>, which Dapper cannot fill.
/// </summary>
internal static partial class BatchParameters
{
    private static readonly ConcurrentDictionary<(Type, string), (string Name, PropertyInfo Property, DbType Type)[]> Bindings = new();

    public static NpgsqlBatchCommand Command(string sql, object row)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, property, type) in Bindings.GetOrAdd((row.GetType(), sql), key => Bind(key.Item1, key.Item2)))
        {
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = property.GetValue(row) ?? DBNull.Value });
        }

        return command;
    }

    private static (string, PropertyInfo, DbType)[] Bind(Type type, string sql) =>
    [
        .. Placeholder().Matches(sql).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).Select(name =>
        {
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? throw new InvalidOperationException($"{type.Name} has no property for @{name}");
            return (name, property, TypeOf(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType));
        }),
    ];

    private static DbType TypeOf(Type type) =>
        type == typeof(string) ? DbType.String
        : type == typeof(long) ? DbType.Int64
        : type == typeof(int) ? DbType.Int32
        : type == typeof(bool) ? DbType.Boolean
        : throw new InvalidOperationException($"no database type for {type.Name}");

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex Placeholder();
}
