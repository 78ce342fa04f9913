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
    // SQLite: which values the statement names (a value it does not name is neither encoded nor bound).
    private bool[] _named = [];
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
            _named = new bool[_parameterNames.Length];
            var positional = ParameterPattern().Replace(_sql, m =>
            {
                var index = Array.IndexOf(_parameterNames, m.Groups[1].Value);
                if (index < 0) throw new InvalidOperationException($"Parameter @{m.Groups[1].Value} of '{_sql}' is not in the parameter list.");
                _named[index] = true;
                return "?" + (index + 1).ToString(CultureInfo.InvariantCulture);
            });
            Check(db, raw.sqlite3_prepare_v2(db, positional, out _statement));
        }
        // The handles are owned by _statement and the connection, both alive for this call (SqliteNative).
        var statement = _statement!.DangerousGetHandle();
        for (var i = 0; i < values.Length; i++)
        {
            if (!_named[i]) continue;
            var position = i + 1;
            var rc = values[i] switch
            {
                null or DBNull => SqliteNative.sqlite3_bind_null(statement, position),
                string s => BindText(statement, position, s),
                Utf8Text text => BindUtf8(statement, position, text.Bytes),
                long l => SqliteNative.sqlite3_bind_int64(statement, position, l),
                int n => SqliteNative.sqlite3_bind_int64(statement, position, n),
                bool b => SqliteNative.sqlite3_bind_int64(statement, position, b ? 1 : 0),
                double d => SqliteNative.sqlite3_bind_double(statement, position, d),
                byte[] bytes => BindBlob(statement, position, bytes),
                var other => BindText(statement, position, Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
            };
            Check(db, rc);
        }
        var step = SqliteNative.sqlite3_step(statement);
        LastRowChanges = step == raw.SQLITE_DONE ? SqliteNative.sqlite3_changes(db.DangerousGetHandle()) : 0;
        SqliteNative.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE && step != raw.SQLITE_ROW) Check(db, step);
    }

    // Text is encoded into one reusable buffer (SQLite copies it: SQLITE_TRANSIENT) instead of a new UTF-8 array per value.
    private int BindText(IntPtr statement, int position, string value)
    {
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _utf8.Length) _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        return BindUtf8(statement, position, _utf8.AsSpan(0, length));
    }

    // Text already in UTF-8. Empty text is bound through a pointer into a non-empty array: a null pointer would bind NULL.
    private static unsafe int BindUtf8(IntPtr statement, int position, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* text = utf8.IsEmpty ? NonEmpty : utf8)
        {
            return SqliteNative.sqlite3_bind_text(statement, position, text, utf8.Length, SqliteNative.Transient);
        }
    }

    private static unsafe int BindBlob(IntPtr statement, int position, byte[] bytes)
    {
        fixed (byte* blob = bytes.Length == 0 ? NonEmpty : bytes)
        {
            return SqliteNative.sqlite3_bind_blob(statement, position, blob, bytes.Length, SqliteNative.Transient);
        }
    }

    private static readonly byte[] NonEmpty = [0];

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
    }

    [GeneratedRegex("@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterPattern();
}
