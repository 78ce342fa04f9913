using Dapper;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// On SQLite the id map is stored WITHOUT ROWID (070_id_map_clustered.sqlite.sql): a database made before that script
/// keeps every entry, with all its columns, when the hub upgrades it.
/// </summary>
public sealed class IdMapStorageTests : IAsyncLifetime
{
    private HubHost _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await HubHost.StartAsync(TestBackend.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    [Fact]
    public async Task When_a_database_from_before_the_clustered_id_map_is_upgraded_Should_keep_every_entry_in_a_table_without_rowid()
    {
        var database = _hub.Services.GetRequiredService<HubDatabase>();
        await using (var connection = await database.OpenAsync(TestContext.Current.CancellationToken))
        {
            Assert.Contains("WITHOUT ROWID", await TableSqlAsync(connection), StringComparison.OrdinalIgnoreCase);
            // Back to the table as 001, 022 and 050 left it, with entries, as if 070 had never run.
            await connection.ExecuteAsync("""
                DROP TABLE id_map;
                CREATE TABLE id_map (installation_id TEXT NOT NULL, entity TEXT NOT NULL, local_id TEXT NOT NULL, canonical_id TEXT NOT NULL,
                    created_at TEXT NOT NULL, PRIMARY KEY (installation_id, entity, local_id));
                CREATE INDEX id_map_canonical ON id_map (canonical_id);
                ALTER TABLE id_map ADD COLUMN erased_at TEXT;
                ALTER TABLE id_map ADD COLUMN bound_at TEXT;
                INSERT INTO id_map VALUES ('wise-a', 'member', 'p1', 'mbr-1', '2026-01-01T00:00:00Z', NULL, NULL);
                INSERT INTO id_map VALUES ('wise-a', 'member', 'p2', 'mbr-2', '2026-01-02T00:00:00Z', '2026-02-01T00:00:00Z', NULL);
                INSERT INTO id_map VALUES ('wise-b', 'holding', 'i1', 'hld-1', '2026-01-03T00:00:00Z', NULL, '2026-03-01T00:00:00Z');
                DELETE FROM schema_migrations WHERE id = '070_id_map_clustered.sqlite.sql';
                """);
            Assert.DoesNotContain("WITHOUT ROWID", await TableSqlAsync(connection), StringComparison.OrdinalIgnoreCase);
        }

        await _hub.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(TestContext.Current.CancellationToken);

        await using (var connection = await database.OpenAsync(TestContext.Current.CancellationToken))
        {
            Assert.Contains("WITHOUT ROWID", await TableSqlAsync(connection), StringComparison.OrdinalIgnoreCase);
            var rows = (await connection.QueryAsync<(string, string, string, string, string, string?, string?)>(
                "SELECT installation_id, entity, local_id, canonical_id, created_at, erased_at, bound_at FROM id_map ORDER BY local_id")).ToList();
            Assert.Equal(
            [
                ("wise-b", "holding", "i1", "hld-1", "2026-01-03T00:00:00Z", null, "2026-03-01T00:00:00Z"),
                ("wise-a", "member", "p1", "mbr-1", "2026-01-01T00:00:00Z", null, null),
                ("wise-a", "member", "p2", "mbr-2", "2026-01-02T00:00:00Z", "2026-02-01T00:00:00Z", null),
            ], rows);
            Assert.Equal("mbr-2", await connection.ExecuteScalarAsync<string>(
                "SELECT canonical_id FROM id_map INDEXED BY id_map_canonical WHERE canonical_id = 'mbr-2'"));
        }
    }

    private static Task<string> TableSqlAsync(System.Data.Common.DbConnection connection)
        => connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'id_map'")!;
}
