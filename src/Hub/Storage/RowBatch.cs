using System.Data.Common;

namespace Lsb.Hub.Storage;

/// <summary>
/// Executes one statement for many rows inside a transaction as fast as the provider allows: SQLite re-executes a
/// single prepared command (in-process, no round trips); PostgreSQL sends all rows in one <see cref="DbBatch"/>
/// (one round trip instead of one per row).
/// </summary>
public sealed class RowBatch : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _sql;
    private readonly string[] _parameterNames;
    private readonly DbBatch? _batch;
    private DbCommand? _command;
    private ParameterSet? _parameters;

    /// <summary>Prepares a batch of <paramref name="sql"/> with the named parameters (without '@').</summary>
    public RowBatch(DbConnection connection, DbTransaction transaction, string sql, params string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _transaction = transaction;
        _sql = sql;
        _parameterNames = parameterNames;
        if (connection.CanCreateBatch)
        {
            _batch = connection.CreateBatch();
            _batch.Transaction = transaction;
        }
    }

    /// <summary>Rows added so far (PostgreSQL) or executed (SQLite).</summary>
    public int Count { get; private set; }

    /// <summary>Adds a row; values in parameter order.</summary>
    public async Task AddAsync(object?[] values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        Count++;
        if (_batch is not null)
        {
            var command = _batch.CreateBatchCommand();
            command.CommandText = _sql;
            for (var i = 0; i < values.Length; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = _parameterNames[i];
                p.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(p);
            }
            _batch.BatchCommands.Add(command);
            return;
        }
        if (_command is null)
        {
            _command = _connection.CreateCommand();
            _command.Transaction = _transaction;
            _command.CommandText = _sql;
            _parameters = new ParameterSet(_command, _parameterNames);
        }
        for (var i = 0; i < values.Length; i++) _parameters!.Set(i, values[i]);
        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sends what is pending (PostgreSQL); a no-op for SQLite, whose rows are already executed.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch is null || _batch.BatchCommands.Count == 0) return;
        await _batch.ExecuteNonQueryAsync(cancellationToken);
        _batch.BatchCommands.Clear();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_batch is not null) await _batch.DisposeAsync();
        if (_command is not null) await _command.DisposeAsync();
    }
}
