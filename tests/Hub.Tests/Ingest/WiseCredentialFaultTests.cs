using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>A Wise installation that refuses the hub's WISE_KEY: no canonical event, a clear error, nothing lost once fixed.</summary>
public abstract class WiseCredentialFaultTests(TestBackend backend) : IAsyncLifetime
{
    private WiseWorld _world = null!;

    public async ValueTask InitializeAsync()
        => _world = await WiseWorld.StartAsync(backend, new Dictionary<string, string?> { [$"Credentials:{WiseWorld.Installation}:AppKey"] = "a-wrong-app-key-for-this-test" });

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task When_the_wise_key_is_refused_Should_log_nothing_report_why_and_catch_up_once_the_key_is_fixed()
    {
        using var admin = _world.Hub.Client();
        JsonElement health = default;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var installation = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/installations/{WiseWorld.Installation}");
            health = installation.GetProperty("health");
            if (health.GetProperty("consecutiveFailures").GetInt32() >= 2) break;
            await Task.Delay(200);
        }
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        Assert.Contains("WISE_KEY", health.GetProperty("lastError").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await _world.EventsAsync());
        var ready = await _world.Hub.Client(null).GetFromJsonAsync<JsonElement>("/health/ready");
        var entry = Assert.Single(ready.GetProperty("checks").GetProperty("installations").EnumerateArray());
        Assert.Equal("Degraded", entry.GetProperty("status").GetString());

        // The operator fixes the key in every node's configuration: on PostgreSQL the second node may hold the
        // installation's polling lease.
        foreach (var node in new[] { _world.Hub.App, _world.Hub.SecondNode }.OfType<WebApplication>())
            node.Services.GetRequiredService<IConfiguration>()[$"Credentials:{WiseWorld.Installation}:AppKey"] = _world.Access.AppKey;

        var stats = _world.Control.Statistics(WiseWorld.Installation);
        var events = await _world.WaitForEventsAsync(
            e => e.Count(x => x.GetProperty("eventType").GetString() == "HoldingAdded") >= stats.Items
                 && e.Count(x => x.GetProperty("eventType").GetString() == "MemberRegistered") >= stats.Patrons
                 && e.Count(x => x.GetProperty("eventType").GetString() == "LoanStarted") >= stats.OpenLoans,
            "the whole seed after the key was fixed");
        Assert.Equal(stats.Items, events.Count(x => x.GetProperty("eventType").GetString() == "HoldingAdded"));
    }
}

public sealed class WiseCredentialFaultTests_on_Sqlite() : WiseCredentialFaultTests(TestBackend.Sqlite);

public sealed class WiseCredentialFaultTests_on_Postgres() : WiseCredentialFaultTests(TestBackend.Postgres);
