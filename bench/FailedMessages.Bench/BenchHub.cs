using System.Globalization;
using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Installations;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.FailedMessages.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.FailedMessages.Bench;

/// <summary>
/// A hub on the embedded default (SQLite, Solo), started as production starts it, with the in-memory test vendor as
/// its only adapter and default failed-message settings (batches of 1,000, 100 ms pause between batches).
/// </summary>
public sealed class BenchHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;
    private static int _installations;

    private BenchHub(WebApplication app, string directory, TestVendorFeed feed)
    {
        _app = app;
        _directory = directory;
        Feed = feed;
    }

    public TestVendorFeed Feed { get; }
    public IServiceProvider Services => _app.Services;
    public string MappingFile => Path.Combine(_directory, "mappings", TestVendorAdapterFactory.StatusFile);

    public static async Task<BenchHub> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lsb-bench-failed-" + Guid.NewGuid().ToString("N")[..8]);
        var mappingFile = Path.Combine(directory, "mappings", TestVendorAdapterFactory.StatusFile);
        Directory.CreateDirectory(Path.GetDirectoryName(mappingFile)!);
        await File.WriteAllTextAsync(mappingFile, "vendor_code,canonical\nAV,Available\n");
        var feed = new TestVendorFeed();
        var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = Path.Combine(directory, "data"),
                ["Mappings:Path"] = Path.Combine(directory, "mappings"),
                ["Ingest:PageSize"] = "1000",
                ["Ingest:PollInterval"] = "00:00:00.100",
                ["Ingest:MaxPagesInFlight"] = "8",
                ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("LSB_BENCH_LOG") ?? "Error",
                ["Serilog:MinimumLevel:Override:Wolverine"] = "Fatal",
                ["Auth:ApiKeys:0:Key"] = "bench-admin-key-0000000001",
                ["Auth:ApiKeys:0:Scopes:0"] = "admin",
            });
            builder.Host.UseServiceProviderFactory(new TestVendorServiceProviderFactory(feed));
        });
        await app.StartAsync();
        return new BenchHub(app, directory, feed);
    }

    /// <summary>Registers a new installation of the test vendor (its poller starts at once); answers its id.</summary>
    public async Task<string> RegisterAsync(string name)
    {
        var n = Interlocked.Increment(ref _installations);
        var id = $"bench-{name}";
        var isil = string.Create(CultureInfo.InvariantCulture, $"NL-08{n:D4}0000");
        await Services.GetRequiredService<InstallationStore>().RegisterAsync(
            new InstallationDescriptor(InstallationId.Parse(id), TestVendorAdapterFactory.TestVendor, new Uri("http://127.0.0.1:1/"), id,
                [new LibraryRef(Isil.Parse(isil), "1", "Bench")]), "bench", null, "bench", CancellationToken.None);
        return id;
    }

    /// <summary>Copies of an installation in the canonical store.</summary>
    public async Task<long> HoldingsAsync(string installation)
    {
        await using var connection = await Services.GetRequiredService<HubDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM holdings WHERE installation_id = @installation", new { installation });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
