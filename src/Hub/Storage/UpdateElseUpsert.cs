using System.Data.Common;

namespace Lsb.Hub.Storage;

/// <summary>
/// Writes rows with an <c>UPDATE</c> that leaves a table's indexes alone where it can, and an upsert where it cannot. On
/// SQLite a row the hub held is tried with an update first, and upserted when the update changed no row. The update sets
/// every column but the indexed ones whose values the row keeps (SQLite then leaves their indexes alone: a statement that
/// names an indexed column deletes and re-inserts its index entry, changed or not); its <c>WHERE</c> checks that the
/// indexed columns it leaves out hold those values in the table. On PostgreSQL every row is upserted, in one batch (its
/// rows run together, so a miss would only be seen at the end). All statements take the same parameters.
/// </summary>
public sealed class UpdateElseUpsert : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string[] _parameterNames;
    private readonly Func<int, string>? _updateSql;
    private readonly RowBatch _upserts;
    // One prepared update per set of changed indexed columns met so far (bit i: indexed column i changes).
    private readonly Dictionary<int, RowBatch> _updates = [];

    /// <summary>Prepares the statements (each on its first row). <paramref name="updateSql"/> gives the update for a row
    /// that changes the indexed columns of a set (bit i for column i; 0 when it changes none); without it every row is
    /// upserted.</summary>
    public UpdateElseUpsert(DbConnection connection, DbTransaction transaction, Func<int, string>? updateSql, string upsertSql, string[] parameterNames)
    {
        (_connection, _transaction, _parameterNames) = (connection, transaction, parameterNames);
        _upserts = new RowBatch(connection, transaction, upsertSql, parameterNames);
        if (_upserts.ExecutesEachRow) _updateSql = updateSql;
    }

    /// <summary>Prepares an update that changes no indexed column (<paramref name="updateSql"/>) and the upsert.</summary>
    public UpdateElseUpsert(DbConnection connection, DbTransaction transaction, string? updateSql, string upsertSql, string[] parameterNames)
        : this(connection, transaction, updateSql is null ? null : _ => updateSql, upsertSql, parameterNames)
    {
    }

    /// <summary>Bit <paramref name="column"/> when <paramref name="value"/> differs from <paramref name="stored"/>, else 0:
    /// a row type's <c>ChangedIndexedColumns</c> is made of these.</summary>
    public static int Changed(int column, string? stored, string? value) => string.Equals(stored, value, StringComparison.Ordinal) ? 0 : 1 << column;

    /// <summary>The update of <paramref name="table"/> for a row that changes the indexed columns in <paramref name="changed"/>
    /// (bit i for <paramref name="indexedColumns"/>[i]): it sets every other column of <paramref name="columns"/> but the
    /// first (the id) and those, where the indexed columns it leaves out already hold the row's values. Parameters are
    /// named <c>@p_column</c>.</summary>
    public static string UpdateSql(string table, string[] columns, string[] indexedColumns, int changed)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(indexedColumns);
        var kept = indexedColumns.Where((_, i) => (changed & (1 << i)) == 0).ToArray();
        var set = columns.Skip(1).Except(kept, StringComparer.Ordinal).Select(c => $"{c} = @p_{c}");
        var where = kept.Select(c => $" AND {c} IS @p_{c}");
        return $"UPDATE {table} SET {string.Join(", ", set)} WHERE {columns[0]} = @p_{columns[0]}{string.Concat(where)}";
    }

    /// <summary>Writes a row that changes no indexed column; with <paramref name="tryUpdate"/> false (a row known to be new)
    /// it goes straight to the upsert.</summary>
    public Task AddAsync(object?[] values, bool tryUpdate, CancellationToken cancellationToken)
        => AddAsync(values, tryUpdate, 0, cancellationToken);

    /// <summary>Writes a row that changes the indexed columns in <paramref name="changedIndexed"/> of those it held; with
    /// <paramref name="tryUpdate"/> false (a row known to be new) it goes straight to the upsert.</summary>
    public async Task AddAsync(object?[] values, bool tryUpdate, int changedIndexed, CancellationToken cancellationToken)
    {
        if (tryUpdate && _updateSql is not null)
        {
            if (!_updates.TryGetValue(changedIndexed, out var updates))
                _updates[changedIndexed] = updates = new RowBatch(_connection, _transaction, _updateSql(changedIndexed), _parameterNames);
            await updates.AddAsync(values, cancellationToken);
            if (updates.LastRowChanges == 1) return;
        }
        await _upserts.AddAsync(values, cancellationToken);
    }

    /// <summary>Sends what is pending (PostgreSQL).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _upserts.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _upserts.DisposeAsync();
        foreach (var updates in _updates.Values) await updates.DisposeAsync();
    }
}
