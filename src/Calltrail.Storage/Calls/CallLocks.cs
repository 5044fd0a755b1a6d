using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Calltrail.Storage.Database;
using Dapper;

namespace Calltrail.Storage.Calls;

/// <summary>
/// One writer per call across every server on a PostgreSQL database. A batch locks its calls before it
/// reads their events, so a second server's batch for the same call waits, then reads what the first
/// committed (each statement under READ COMMITTED sees the latest commit) — as if one server had taken
/// both. The locks end with the transaction. SQLite needs none: one process, and its transactions
/// begin <c>IMMEDIATE</c>, holding the single write lock from the start.
/// </summary>
internal static class CallLocks
{
    public static async Task TakeAsync(Dialect dialect, DbConnection connection, DbTransaction transaction, IEnumerable<string> callIds)
    {
        if (dialect.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        // Ascending order: two batches that share calls queue behind each other instead of deadlocking.
        // unnest hands the sorted array to the function one element after another, in order.
        var keys = callIds.Select(KeyOf).Distinct().Order().ToArray();
        await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(k) FROM unnest(@keys) AS k", new { keys }, transaction);
    }

    /// <summary>
    /// The call's lock number, the same in every process and build (string.GetHashCode is randomised per
    /// process, so two servers would lock different numbers for one call). A collision only makes two
    /// calls wait for each other.
    /// </summary>
    public static long KeyOf(string callId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(callId), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
