using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Lsb.Hub.Storage;

/// <summary>
/// Applies the embedded schema scripts (<c>Storage/Schema/NNN_name.sql</c>) that the database has not seen yet, each
/// in its own transaction, in name order. Safe to run from several hub nodes at once (PostgreSQL advisory lock;
/// SQLite's write lock). <c>NNN_name.sqlite.sql</c> runs on SQLite only and <c>NNN_name.postgres.sql</c> on PostgreSQL only,
/// for changes to how one engine stores a table.
/// </summary>
public sealed class SchemaMigrator(HubDatabase database, ILogger<SchemaMigrator> logger)
{
    /// <summary>Brings the schema up to date.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == StorageProvider.Postgres)
            await EnsurePostgresSchemaAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        // 8 KiB pages for a new database (an existing one keeps its size: SQLite cannot change it in WAL mode): a page
        // commit writes its dirty B-tree pages to the WAL one frame at a time, and ingest's commits took a third less
        // time with half as many frames (docs/performance.md).
        if (connection is SqliteConnection)
            await connection.ExecuteAsync("PRAGMA page_size=8192; PRAGMA journal_mode=WAL;");
        await using (var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken))
        {
            if (database.Dialect.IsPostgres)
                await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(7715001)", transaction: tx);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", transaction: tx);
            await tx.CommitAsync(cancellationToken);
        }

        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(".Storage.Schema.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var resource in scripts)
        {
            var id = resource[(resource.IndexOf(".Storage.Schema.", StringComparison.Ordinal) + 16)..];
            // NNN_name.sqlite.sql is for SQLite only (how SQLite stores a table), NNN_name.postgres.sql for PostgreSQL only.
            if (id.EndsWith(".sqlite.sql", StringComparison.Ordinal) && database.Dialect.IsPostgres) continue;
            if (id.EndsWith(".postgres.sql", StringComparison.Ordinal) && !database.Dialect.IsPostgres) continue;
            await ApplyAsync(connection, assembly, resource, id, cancellationToken);
        }
    }

    private async Task ApplyAsync(DbConnection connection, Assembly assembly, string resource, string id, CancellationToken cancellationToken)
    {
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        if (database.Dialect.IsPostgres)
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(7715001)", transaction: tx);
        var applied = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM schema_migrations WHERE id = @id", new { id }, tx);
        if (applied > 0) return;
        await using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Schema script {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var script = database.Dialect.Expand(await reader.ReadToEndAsync(cancellationToken));
        await connection.ExecuteAsync(script, transaction: tx);
        await connection.ExecuteAsync(
            "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)",
            new { id, at = DateTimeOffset.UtcNow.ToString("O") }, tx);
        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("Applied schema script {Script}", id);
    }

    private async Task EnsurePostgresSchemaAsync(CancellationToken cancellationToken)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(database.Options.ConnectionString);
        await using var connection = new Npgsql.NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {database.Options.Schema}");
    }
}
