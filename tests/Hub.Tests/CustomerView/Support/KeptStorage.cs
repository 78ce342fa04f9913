using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.CustomerView.Support;

/// <summary>
/// Storage that outlives one hub, for tests that stop a hub and start another on the same data (a restart): a
/// SQLite folder or a PostgreSQL schema of the test's own, removed on dispose.
/// </summary>
public sealed class KeptStorage(TestBackend backend) : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "kept-" + Guid.NewGuid().ToString("N"));
    private readonly string _schema = "k" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Settings that point a hub at this storage, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>();
        if (backend == TestBackend.Sqlite) settings["Storage:DataDirectory"] = _directory;
        else settings["Storage:Schema"] = _schema;
        if (more is not null)
            foreach (var (k, v) in more) settings[k] = v;
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (backend == TestBackend.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { /* the OS cleans the temp folder */ }
        }
        else
        {
            await TestBackends.RemoveHubStateAsync(_schema);
        }
    }
}
