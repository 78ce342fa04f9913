using System.Data.Common;
using Lsb.Hub.Storage;

namespace Lsb.Hub.CustomerView;

/// <summary>
/// Serialises the writers that read, then write, across features — person links, e-book loans waiting for their
/// member, erasure, retention — so none of them misses what another is committing. SQLite's <c>BEGIN IMMEDIATE</c>
/// does this already. On PostgreSQL the transaction takes the row lock of <c>event_log_head</c>, which every
/// transaction that appends to the log takes anyway: no new lock, no new lock order, so no new deadlock.
/// </summary>
public static class LogHeadLock
{
    /// <summary>Takes the lock (PostgreSQL) for the rest of <paramref name="transaction"/>. Take it before reading.</summary>
    public static async Task TakeAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        if (!dialect.IsPostgres) return;
        await using var command = SqlCommands.Create(connection, transaction, "SELECT last_position FROM event_log_head WHERE id = 1 FOR UPDATE");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
