using System.Net;
using System.Net.Http.Json;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.EventLog;

/// <summary>
/// On the embedded default a background thread checkpoints the write-ahead log (Storage/SqliteCheckpointer), so a
/// commit does not pay for copying its pages into hub.db. Seen from outside: a small write reaches the main database
/// file by itself, long before the log reaches the commits' own checkpoint limit.
/// </summary>
public sealed class WalCheckpointTests : IAsyncLifetime
{
    private HubHost _hub = null!;
    private readonly string _copies = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "wal-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync() => _hub = await HubHost.StartAsync(TestBackend.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_copies)) Directory.Delete(_copies, recursive: true);
    }

    [Fact]
    public async Task When_the_hub_creates_its_database_Should_use_8_KiB_pages_in_WAL_mode()
    {
        await using var connection = await _hub.Services.GetRequiredService<HubDatabase>().OpenAsync(TestContext.Current.CancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA page_size;";
        Assert.Equal(8192L, (long)(await pragma.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        pragma.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)(await pragma.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task When_the_hub_commits_a_write_Should_checkpoint_it_into_the_main_database_file_in_the_background()
    {
        var database = _hub.Services.GetRequiredService<HubDatabase>();
        await using (var connection = await database.OpenAsync(TestContext.Current.CancellationToken))
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA wal_autocheckpoint;";
            Assert.Equal(new StorageOptions().SqliteAutoCheckpointPages, Convert.ToInt32(await pragma.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture));
        }

        using var admin = _hub.Client();
        var created = await admin.PostAsJsonAsync("/api/v1/installations", new
        {
            id = "wal-wise", vendor = "Wise", owningPoi = HubHost.Poi, endpoint = "http://127.0.0.1:1/", credentialsRef = "wal-wise",
            libraries = new[] { new { isil = "NL-0800090000", vendorLibraryId = "1", name = "Bibliotheek Walkade" } },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Read a copy of hub.db alone (without its -wal file): it holds only what was checkpointed.
        var hubDb = new SqliteConnectionStringBuilder(database.StateConnectionString).DataSource;
        Directory.CreateDirectory(_copies);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var attempt = 0;
        long found;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            var copy = Path.Combine(_copies, $"hub-{attempt++}.db");
            File.Copy(hubDb, copy);
            found = await CountAsync(copy);
        }
        while (found == 0 && DateTime.UtcNow < deadline);
        Assert.Equal(1, found);
    }

    private static async Task<long> CountAsync(string copy)
    {
        await using var reader = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        await reader.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM installations WHERE id = 'wal-wise'";
        try
        {
            return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 11)
        {
            // SQLITE_CORRUPT: the copy caught a checkpoint half-way through writing a page; the next copy is read instead.
            return 0;
        }
    }
}
