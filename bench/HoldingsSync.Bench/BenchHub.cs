using Microsoft.AspNetCore.Builder;
using Dapper;
using Lsb.Hub.Simulators.Catalogues.Ggc;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Lsb.Hub.HoldingsSync.Bench;

/// <summary>A hub on SQLite (temporary folder) or PostgreSQL (temporary schema), synchronising with a GGC simulator.
/// Ingest polling and the scheduler are off: the benchmark drives the cut and the delivery itself.</summary>
public sealed class BenchHub : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgres;
    private readonly string _schema;

    private BenchHub(WebApplication app, GgcSimulatorHost ggc, string? folder, string? postgres, string schema)
    {
        App = app;
        Ggc = ggc;
        _folder = folder;
        _postgres = postgres;
        _schema = schema;
    }

    public WebApplication App { get; }
    public GgcSimulatorHost Ggc { get; }
    public IServiceProvider Services => App.Services;

    public static async Task<BenchHub> StartAsync(string? postgres)
    {
        var ggc = await GgcSimulator.StartAsync();
        var folder = postgres is null ? Path.Combine(Path.GetTempPath(), "lsb-holdings-bench", Guid.NewGuid().ToString("N")) : null;
        var schema = "hsb" + Guid.NewGuid().ToString("N")[..10];
        var config = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Storage:DataDirectory"] = folder,
            ["Storage:ConnectionString"] = postgres,
            ["Storage:Schema"] = schema,
            ["Bus:Solo"] = "true",
            ["Ingest:Enabled"] = "false",
            ["HoldingsSync:Enabled"] = "false",
            ["HoldingsSync:Ggc:BaseUrl"] = ggc.BaseAddress.ToString(),
            ["HoldingsSync:Ggc:Password"] = ggc.Options.Password,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        var app = HubApplication.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(config));
        await app.StartAsync();
        return new BenchHub(app, ggc, folder, postgres, schema);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Ggc.DisposeAsync();
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { /* a file still held by a finishing background task; the OS cleans the temp folder */ }
        }
        if (_postgres is not null)
        {
            await using var connection = new NpgsqlConnection(_postgres);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE; DROP SCHEMA IF EXISTS {_schema}_bus CASCADE;");
        }
    }
}
