using System.Data.Common;

namespace Lsb.Hub.Storage;

/// <summary>
/// Writes rows with an <c>UPDATE</c> that leaves a table's indexes alone where it can, and an upsert where it cannot. On
/// SQLite a row the hub held is tried with an update first, and upserted when the update changed no row. The update sets
/// only the columns whose values the row changes (SQLite leaves the indexes of the others alone: a statement that names an
/// indexed column deletes and re-inserts its index entry, changed or not; and the values of the others are not even
/// bound); its <c>WHERE</c> checks that the indexed columns it leaves out hold the row's values in the table. On PostgreSQL
/// every row is upserted, in one batch (its rows run together, so a miss would only be seen at the end). All statements
/// take the same parameters.
/// </summary>
public sealed class UpdateElseUpsert : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string[] _parameterNames;
    private readonly Func<int, string>? _updateSql;
    private readonly RowBatch _upserts;
    // One prepared update per set of changed columns met so far (bit i: column i changes).
    private readonly Dictionary<int, RowBatch> _updates = [];

    /// <summary>Prepares the statements (each on its first row). <paramref name="updateSql"/> gives the update for a row
    /// that changes the columns of a set (bit i for column i, see <see cref="UpdateSql"/>); without it every row is
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

    /// <summary>The bits of the values in <paramref name="row"/> that differ from <paramref name="stored"/> (same columns,
    /// same order; bit i for column i): what <see cref="UpdateSql"/> sets.</summary>
    public static int Changed(object?[] stored, object?[] row)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(row);
        if (row.Length > 31) throw new ArgumentException("At most 31 columns.", nameof(row));
        var changed = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (!Equals(stored[i], row[i])) changed |= 1 << i;
        }
        return changed;
    }

    /// <summary>The update of <paramref name="table"/> for a row that changes the columns in <paramref name="changed"/> (bit
    /// i for <paramref name="columns"/>[i]; the first column is the id, which the update finds the row by): it sets those,
    /// where the indexed columns it leaves out hold the row's values. With no column changed it sets every column but the
    /// indexed ones. Parameters are named <c>@p_column</c>.</summary>
    public static string UpdateSql(string table, string[] columns, string[] indexedColumns, int changed)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(indexedColumns);
        bool Changes(string column) => (changed & (1 << Array.IndexOf(columns, column))) != 0;
        var kept = indexedColumns.Where(c => !Changes(c)).ToArray();
        var set = columns.Skip(1).Where(c => (changed & ~1) == 0 ? !kept.Contains(c, StringComparer.Ordinal) : Changes(c));
        var where = kept.Select(c => $" AND {c} IS @p_{c}");
        return $"UPDATE {table} SET {string.Join(", ", set.Select(c => $"{c} = @p_{c}"))} WHERE {columns[0]} = @p_{columns[0]}{string.Concat(where)}";
    }

    /// <summary>Writes a row with the one update the second constructor took; with <paramref name="tryUpdate"/> false (a row
    /// known to be new) it goes straight to the upsert.</summary>
    public Task AddAsync(object?[] values, bool tryUpdate, CancellationToken cancellationToken)
        => AddAsync(values, tryUpdate, 0, cancellationToken);

    /// <summary>Writes a row that changes the columns in <paramref name="changed"/> of those it held (bit i for column i);
    /// with <paramref name="tryUpdate"/> false (a row known to be new) it goes straight to the upsert.</summary>
    public async Task AddAsync(object?[] values, bool tryUpdate, int changed, CancellationToken cancellationToken)
    {
        if (tryUpdate && _updateSql is not null)
        {
            if (!_updates.TryGetValue(changed, out var updates))
                _updates[changed] = updates = new RowBatch(_connection, _transaction, _updateSql(changed), _parameterNames);
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
