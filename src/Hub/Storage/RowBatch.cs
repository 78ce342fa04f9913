using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lsb.Hub.Storage;

/// <summary>
/// Executes one statement for many rows inside a transaction as fast as the provider allows. SQLite: one prepared
/// native statement, values bound by position through SQLitePCL and stepped in-process (about three times faster
/// than binding through ADO.NET parameters, measured in bench/Hub.Bench). PostgreSQL: all rows in one
/// <see cref="DbBatch"/>, one round trip.
/// </summary>
public sealed partial class RowBatch : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly string _sql;
    private readonly string[] _parameterNames;
    private readonly DbBatch? _batch;
    private sqlite3_stmt? _statement;
    private byte[] _utf8 = new byte[4096];

    /// <summary>Prepares a batch of <paramref name="sql"/>, whose parameters are written <c>@name</c>.</summary>
    public RowBatch(DbConnection connection, DbTransaction transaction, string sql, params string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _sql = sql;
        _parameterNames = parameterNames;
        if (connection is not SqliteConnection)
        {
            _batch = connection.CreateBatch();
            _batch.Transaction = transaction;
        }
    }

    /// <summary>Rows added so far.</summary>
    public int Count { get; private set; }

    /// <summary>True when each row is executed as it is added (SQLite), so <see cref="LastRowChanges"/> is known.</summary>
    public bool ExecutesEachRow => _batch is null;

    /// <summary>SQLite: the rows the statement changed for the row added last. Not known on PostgreSQL (always 0), whose
    /// rows run together on <see cref="FlushAsync"/>.</summary>
    public int LastRowChanges { get; private set; }

    /// <summary>Adds a row; values in parameter order (string, <see cref="Utf8Text"/>, long, int, bool, double, byte[] or null).</summary>
    public Task AddAsync(object?[] values, CancellationToken cancellationToken)
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
                p.Value = values[i] switch
                {
                    null => DBNull.Value,
                    Utf8Text text => text.ToString(),
                    var value => value,
                };
                command.Parameters.Add(p);
            }
            _batch.BatchCommands.Add(command);
            return Task.CompletedTask;
        }
        cancellationToken.ThrowIfCancellationRequested();
        StepSqlite(values);
        return Task.CompletedTask;
    }

    /// <summary>Sends what is pending (PostgreSQL); SQLite rows are executed as they are added.</summary>
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
        _statement?.Dispose();
    }

    private void StepSqlite(object?[] values)
    {
        var db = ((SqliteConnection)_connection).Handle!;
        if (_statement is null)
        {
            var positional = ParameterPattern().Replace(_sql, m =>
            {
                var index = Array.IndexOf(_parameterNames, m.Groups[1].Value);
                if (index < 0) throw new InvalidOperationException($"Parameter @{m.Groups[1].Value} of '{_sql}' is not in the parameter list.");
                return "?" + (index + 1).ToString(CultureInfo.InvariantCulture);
            });
            Check(db, raw.sqlite3_prepare_v2(db, positional, out _statement));
        }
        var statement = _statement!;
        for (var i = 0; i < values.Length; i++)
        {
            var position = i + 1;
            var rc = values[i] switch
            {
                null or DBNull => raw.sqlite3_bind_null(statement, position),
                string s => BindText(statement, position, s),
                Utf8Text { Bytes.Length: > 0 } text => raw.sqlite3_bind_text(statement, position, text.Bytes.AsSpan()),
                Utf8Text text => raw.sqlite3_bind_text(statement, position, text.ToString()),
                long l => raw.sqlite3_bind_int64(statement, position, l),
                int n => raw.sqlite3_bind_int64(statement, position, n),
                bool b => raw.sqlite3_bind_int64(statement, position, b ? 1 : 0),
                double d => raw.sqlite3_bind_double(statement, position, d),
                byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
                var other => raw.sqlite3_bind_text(statement, position, Convert.ToString(other, CultureInfo.InvariantCulture)),
            };
            Check(db, rc);
        }
        var step = raw.sqlite3_step(statement);
        LastRowChanges = step == raw.SQLITE_DONE ? raw.sqlite3_changes(db) : 0;
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE && step != raw.SQLITE_ROW) Check(db, step);
    }

    // Text is encoded into one reusable buffer (SQLite copies it: SQLITE_TRANSIENT) instead of a new UTF-8 array per value,
    // which SQLitePCL's string overload allocates; an empty string goes through that overload, as an empty span would bind NULL.
    private int BindText(sqlite3_stmt statement, int position, string value)
    {
        if (value.Length == 0) return raw.sqlite3_bind_text(statement, position, value);
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _utf8.Length) _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        return raw.sqlite3_bind_text(statement, position, _utf8.AsSpan(0, length));
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
    }

    [GeneratedRegex("@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterPattern();
}
