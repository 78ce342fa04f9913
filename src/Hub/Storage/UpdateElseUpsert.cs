using System.Data.Common;

namespace Lsb.Hub.Storage;

/// <summary>
/// Writes rows with an <c>UPDATE</c> that leaves a table's indexes alone where it applies, and an upsert where it does
/// not. On SQLite a row is tried with the update first (its <c>WHERE</c> says when it applies: the indexed columns keep
/// their stored values) and upserted when the update changed no row. On PostgreSQL every row is upserted, in one batch
/// (its rows run together, so a miss would only be seen at the end). Both statements take the same parameters.
/// </summary>
public sealed class UpdateElseUpsert : IAsyncDisposable
{
    private readonly RowBatch _upserts;
    private readonly RowBatch? _updates;

    /// <summary>Prepares both statements (each on its first row); without <paramref name="updateSql"/> every row is upserted.</summary>
    public UpdateElseUpsert(DbConnection connection, DbTransaction transaction, string? updateSql, string upsertSql, string[] parameterNames)
    {
        _upserts = new RowBatch(connection, transaction, upsertSql, parameterNames);
        if (updateSql is not null && _upserts.ExecutesEachRow) _updates = new RowBatch(connection, transaction, updateSql, parameterNames);
    }

    /// <summary>Writes a row; with <paramref name="tryUpdate"/> false (a row known to be new) it goes straight to the upsert.</summary>
    public async Task AddAsync(object?[] values, bool tryUpdate, CancellationToken cancellationToken)
    {
        if (tryUpdate && _updates is not null)
        {
            await _updates.AddAsync(values, cancellationToken);
            if (_updates.LastRowChanges == 1) return;
        }
        await _upserts.AddAsync(values, cancellationToken);
    }

    /// <summary>Sends what is pending (PostgreSQL).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _upserts.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _upserts.DisposeAsync();
        if (_updates is not null) await _updates.DisposeAsync();
    }
}
