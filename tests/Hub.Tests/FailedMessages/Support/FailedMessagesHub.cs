using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.FailedMessages.Support;

/// <summary>
/// One hub shared by the tests of a class, with the test vendor (<see cref="TestVendorFeed"/>) as its only adapter,
/// a private mappings folder and short polling intervals. Tests keep out of each other's way by each registering
/// their own installation (<see cref="NewInstallationAsync"/>) and filtering by it.
/// </summary>
public class FailedMessagesHub(TestBackend backend) : IAsyncLifetime
{
    private static int _installations;
    private HubHost? _host;

    public TestBackend Backend { get; } = backend;
    public TestVendorFeed Feed { get; } = new();
    public string MappingsDirectory { get; } = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "mappings-" + Guid.NewGuid().ToString("N"));
    public string StatusFilePath => Path.Combine(MappingsDirectory, TestVendorAdapterFactory.StatusFile);

    /// <summary>The hub; skips the test when its backend is not available here.</summary>
    public HubHost Host
    {
        get
        {
            TestBackends.SkipUnlessAvailable(Backend);
            return _host ?? throw new InvalidOperationException("The hub did not start.");
        }
    }

    /// <summary>Settings of this hub beyond the defaults of <see cref="HubHost"/>.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mappings:Path"] = MappingsDirectory,
        ["Mappings:ReloadCheckInterval"] = "00:00:00.050",
        ["Bus:DurabilityPollingInterval"] = "00:00:00.200",
        ["Ingest:PollInterval"] = "00:00:00.100",
        ["FailedMessages:ReplayBatchSize"] = "3",
        ["FailedMessages:PauseBetweenBatches"] = "00:00:00",
        ["FailedMessages:SettleCheckInterval"] = "00:00:00.100",
        ["FailedMessages:StopCheckMinimumBatch"] = "3",
    };

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatusFilePath)!);
        await File.WriteAllTextAsync(StatusFilePath, "vendor_code,canonical,description\nAV,Available,beschikbaar\nUIT,OnLoan,uitgeleend\n");
        if (Backend == TestBackend.Postgres && TestBackends.PostgresConnectionString is null) return;
        _host = await HubHost.StartAsync(Backend, Settings, builder => builder.Host.UseServiceProviderFactory(new TestVendorServiceProviderFactory(Feed)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        try { Directory.Delete(MappingsDirectory, recursive: true); }
        catch (IOException) { /* left for the OS to clean */ }
        GC.SuppressFinalize(this);
    }

    /// <summary>Registers a fresh installation of the test vendor with two libraries; answers its id and ISILs.</summary>
    public async Task<(string Id, string Isil1, string Isil2)> NewInstallationAsync()
    {
        var n = Interlocked.Increment(ref _installations);
        var id = $"fm-test-{n}";
        var isil1 = string.Create(CultureInfo.InvariantCulture, $"NL-08{n:D4}0000");
        var isil2 = string.Create(CultureInfo.InvariantCulture, $"NL-08{n:D4}0001");
        using var admin = Host.Client();
        var response = await admin.PostAsJsonAsync("/api/v1/installations", new
        {
            id, vendor = TestVendorAdapterFactory.TestVendor.ToString(), owningPoi = HubHost.Poi, endpoint = "http://127.0.0.1:1/", credentialsRef = id,
            libraries = new[] { new { isil = isil1, vendorLibraryId = "1", name = "Hoofdvestiging" }, new { isil = isil2, vendorLibraryId = "2", name = "Filiaal" } },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (id, isil1, isil2);
    }

    /// <summary>Adds a line to the test vendor's status mapping, as an administrator would.</summary>
    public async Task MapStatusAsync(string code, string canonical)
    {
        await File.AppendAllTextAsync(StatusFilePath, $"{code},{canonical},added by test\n", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(StatusFilePath, DateTime.UtcNow.AddSeconds(1));
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling), failing with <paramref name="what"/> after a minute.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for: {what}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>GETs JSON with the admin key.</summary>
    public async Task<JsonElement> GetAsync(string path)
    {
        using var admin = Host.Client();
        var response = await admin.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>POSTs JSON with the admin key; answers status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body = null)
    {
        using var admin = Host.Client();
        var response = body is null
            ? await admin.PostAsync(path, null, TestContext.Current.CancellationToken)
            : await admin.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The failed messages of an installation (default list unless <paramref name="status"/>).</summary>
    public Task<JsonElement> FailedAsync(string installation, string? status = null, string extra = "")
        => GetAsync($"/api/v1/admin/failed-messages?installation={installation}&pageSize=500{(status is null ? "" : "&status=" + status)}{extra}");

    /// <summary>Waits until the installation has <paramref name="count"/> failed messages.</summary>
    public Task WaitForFailedAsync(string installation, int count)
        => EventuallyAsync(async () => (await FailedAsync(installation)).GetProperty("total").GetInt32() == count,
            $"{count} failed messages of {installation}");

    /// <summary>Waits until an operation is finished with nothing pending; answers its final view.</summary>
    public async Task<JsonElement> WaitForOperationAsync(string operationId)
    {
        JsonElement view = default;
        await EventuallyAsync(async () =>
        {
            view = await GetAsync($"/api/v1/admin/operations/{operationId}");
            return view.GetProperty("status").GetString() is "Completed" or "Stopped" or "Cancelled" && view.GetProperty("pending").GetInt32() == 0;
        }, $"operation {operationId} to finish");
        return view;
    }

    /// <summary>The canonical events in the log that came from <paramref name="sourceEventId"/>.</summary>
    public async Task<int> EventsFromAsync(string sourceEventId)
    {
        var count = 0;
        long after = 0;
        while (true)
        {
            var page = await GetAsync($"/api/v1/events?after={after}&limit=1000");
            var events = page.GetProperty("events");
            if (events.GetArrayLength() == 0) return count;
            foreach (var e in events.EnumerateArray())
                if (e.GetProperty("sourceEventId").GetString() == sourceEventId) count++;
            after = page.GetProperty("next").GetInt64();
        }
    }
}

public sealed class SqliteFailedMessagesHub() : FailedMessagesHub(TestBackend.Sqlite);

public sealed class PostgresFailedMessagesHub() : FailedMessagesHub(TestBackend.Postgres);
