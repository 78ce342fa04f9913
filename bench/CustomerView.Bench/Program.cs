using System.Diagnostics;
using Dapper;
using Lsb.Hub;
using Lsb.Hub.CustomerView.Bench;
using Lsb.Hub.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var options = BenchOptions.Parse(args);
const string AdminKey = "bench-admin-key-0000000001";
const string EbookKey = "bench-ebook-key-0000000001";
Console.WriteLine($"customer view benchmark: {options.Members:N0} members, {options.Loans:N0} loans, data in {options.DataDirectory}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

var settings = new Dictionary<string, string?>
{
    ["Storage:DataDirectory"] = options.DataDirectory,
    ["Retention:Scheduled"] = "false",
    ["Serilog:MinimumLevel:Default"] = Environment.GetEnvironmentVariable("LSB_BENCH_LOG") ?? "Warning",
    ["Auth:ApiKeys:0:Key"] = AdminKey,
    ["Auth:ApiKeys:0:Scopes:0"] = "admin",
    ["Auth:ApiKeys:1:Key"] = EbookKey,
    ["Auth:ApiKeys:1:Scopes:0"] = "ebook-platform",
};
// LSB_BENCH_CHECKPOINT_INTERVAL=00:00:00 measures with SQLite checkpointing inside the commits (the background checkpointer off).
if (Environment.GetEnvironmentVariable("LSB_BENCH_CHECKPOINT_INTERVAL") is { Length: > 0 } checkpoint) settings["Storage:SqliteCheckpointInterval"] = checkpoint;
Console.WriteLine($"SQLite checkpoints: {(settings.TryGetValue("Storage:SqliteCheckpointInterval", out var interval) ? interval : "background (default)")}");
var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(settings));
await app.StartAsync();
var database = app.Services.GetRequiredService<HubDatabase>();
long loaded;
await using (var connection = await database.OpenAsync())
    loaded = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM members");
if (loaded == 0)
{
    Console.WriteLine("bulk load (straight into the tables, not through ingest):");
    await BulkLoader.LoadAsync(database.StateConnectionString, options.Members, options.Loans);
}
else
{
    Console.WriteLine($"reusing the loaded database ({loaded:N0} members)");
}
var size = new FileInfo(Path.Combine(options.DataDirectory, "hub.db")).Length;
Console.WriteLine($"hub.db: {size / 1e9:F1} GB");

var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using (var admin = new HttpClient { BaseAddress = new Uri(address) })
{
    admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    await ViewBenchmark.RunAsync(app.Services, admin, options.WarmupQueries, options.Queries);
}
using (var ebook = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) })
{
    ebook.DefaultRequestHeaders.Add("X-Api-Key", EbookKey);
    await IntakeBenchmark.RunAsync(app.Services, ebook, options.IntakeBatches);
}
var clock = Stopwatch.StartNew();
await app.StopAsync();
await app.DisposeAsync();
if (!options.Keep)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(options.DataDirectory, recursive: true);
}
return 0;
