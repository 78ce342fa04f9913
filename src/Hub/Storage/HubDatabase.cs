using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lsb.Hub.Storage;

/// <summary>
/// Opens connections to the hub's state database (SQLite <c>hub.db</c> or the PostgreSQL schema) and knows the
/// connection string of Wolverine's message store. The SQL the hub writes runs on both; the few differences are in
/// <see cref="SqlDialect"/>.
/// </summary>
public sealed class HubDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqlitePragmas = "";

    /// <summary>Creates the database access from the storage options.</summary>
    public HubDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        Provider = Options.Provider;
        if (Provider == StorageProvider.Sqlite)
        {
            var dir = Path.GetFullPath(Options.DataDirectory);
            Directory.CreateDirectory(dir);
            StateConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dir, "hub.db"),
                Pooling = true,
                DefaultTimeout = 60,
            }.ToString();
            MessageStoreConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dir, "messages.db"),
                Pooling = true,
                DefaultTimeout = 60,
            }.ToString();
            Dialect = SqlDialect.Sqlite;
            // WAL is set once by the migrator; these are per connection. NORMAL is durable against a process crash.
            // busy_timeout: a writer that finds the write lock taken waits inside SQLite (retrying within 1-100 ms)
            // instead of getting SQLITE_BUSY, on which Microsoft.Data.Sqlite sleeps 150 ms before each retry; with the
            // ingest poller's cursor writes meeting the page transactions, those sleeps halved ingest (docs/performance.md).
            var checkpointPages = Options.SqliteCheckpointInterval > TimeSpan.Zero ? Options.SqliteAutoCheckpointPages : 1000;
            _sqlitePragmas = "PRAGMA busy_timeout=60000; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; " +
                $"PRAGMA wal_autocheckpoint={checkpointPages.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
        }
        else
        {
            var builder = new NpgsqlConnectionStringBuilder(Options.ConnectionString) { SearchPath = Options.Schema };
            StateConnectionString = builder.ToString();
            MessageStoreConnectionString = new NpgsqlConnectionStringBuilder(Options.ConnectionString).ToString();
            _postgres = NpgsqlDataSource.Create(StateConnectionString);
            Dialect = SqlDialect.Postgres;
        }
    }

    /// <summary>The options in force.</summary>
    public StorageOptions Options { get; }

    /// <summary>SQLite or Postgres.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The SQL differences between the providers.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The connection string of the hub's state.</summary>
    public string StateConnectionString { get; }

    /// <summary>The connection string Wolverine's message store uses.</summary>
    public string MessageStoreConnectionString { get; }

    /// <summary>Opens a connection to the state database.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(cancellationToken);
        var connection = new SqliteConnection(StateConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = _sqlitePragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Begins a write transaction. On SQLite it takes the write lock at once (BEGIN IMMEDIATE), so
    /// read-then-write inside it cannot deadlock with another writer.</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is SqliteConnection sqlite) return sqlite.BeginTransaction(deferred: false);
        return await connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Begins a read-only snapshot: every statement in it sees the same committed state. On SQLite a deferred
    /// transaction (WAL keeps one snapshot from the first read); on PostgreSQL REPEATABLE READ.</summary>
    public static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is SqliteConnection sqlite) return sqlite.BeginTransaction(deferred: true);
        return await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
    }

    /// <summary>Closes the PostgreSQL connection pool (its idle connections would otherwise stay open for minutes).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
