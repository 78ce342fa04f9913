using System.Net.Http.Json;
using System.Text.Json;
using Json.Schema;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Dwh;

/// <summary>Every event the DWH feed delivers matches its documented, versioned schema in docs/events/.</summary>
public abstract class DwhSchemaTests(TestBackend backend) : IAsyncLifetime
{
    private WiseWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await WiseWorld.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private static string SchemaFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "docs", "events"))) dir = dir.Parent;
        return dir is null ? throw new DirectoryNotFoundException("docs/events not found above the test binaries.") : Path.Combine(dir.FullName, "docs", "events");
    }

    [Fact]
    public async Task When_every_kind_of_change_has_happened_Should_deliver_only_events_that_match_their_schema()
    {
        var control = _world.Control;
        var installation = WiseWorld.Installation;
        var library = _world.Access.Libraries[0].LibraryId;
        var seed = control.Statistics(installation);
        await _world.WaitForEventsAsync(e => e.Count(x => x.GetProperty("eventType").GetString() == "HoldingAdded") >= seed.Items
            && e.Count(x => x.GetProperty("eventType").GetString() == "LoanStarted") >= seed.OpenLoans, "the seed");
        // Changes to what the hub already holds: updates, renewals, returns, a removal and a withdrawal.
        var leaving = control.AddPatron(installation, library);
        var withdrawn = control.AddItem(installation, library);
        var moving = control.ListPatrons(installation, library, 0, 1)[0];
        control.Generate(installation, 400);
        await _world.WaitForEventsAsync(e => e.Any(x => x.GetProperty("eventType").GetString() == "HoldingAdded"
            && x.GetProperty("payload").GetProperty("details").GetProperty("barcode").GetString() == withdrawn.Barcode), "the new copy");
        control.UpdatePatron(installation, moving.PatronSystemId, new PatronUpdate { City = "Zwolle" });
        control.DeletePatron(installation, leaving.PatronSystemId);
        control.WithdrawItem(installation, withdrawn.ItemId);
        await _world.WaitForEventsAsync(e => e.Any(x => x.GetProperty("eventType").GetString() == "MemberRemoved")
            && e.Any(x => x.GetProperty("eventType").GetString() == "HoldingWithdrawn")
            && e.Any(x => x.GetProperty("eventType").GetString() == "MemberUpdated"), "the update, the removal and the withdrawal");

        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        var folder = SchemaFolder();
        var envelope = JsonSchema.FromText(await File.ReadAllTextAsync(Path.Combine(folder, "dwh-event.v2.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var schemas = new Dictionary<string, JsonSchema>();
        using var dwh = _world.Hub.Client(HubHost.DwhKey);
        var types = new HashSet<string>();
        long after = 0;
        while (true)
        {
            var page = await dwh.GetFromJsonAsync<JsonElement>($"/api/v1/dwh/events?after={after}&limit=1000");
            var events = page.GetProperty("events").EnumerateArray().ToList();
            if (events.Count == 0) break;
            foreach (var e in events)
            {
                var envelopeResult = envelope.Evaluate(e, options);
                Assert.True(envelopeResult.IsValid, $"envelope of position {e.GetProperty("position")} does not match: {JsonSerializer.Serialize(envelopeResult)}");
                var type = e.GetProperty("eventType").GetString()!;
                var version = e.GetProperty("schemaVersion").GetInt32();
                var file = Path.Combine(folder, $"{type}.v{version}.schema.json");
                Assert.True(File.Exists(file), $"no schema for {type} version {version}: write docs/events/{type}.v{version}.schema.json");
                if (!schemas.TryGetValue(file, out var schema))
                    schemas[file] = schema = JsonSchema.FromText(await File.ReadAllTextAsync(file), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
                var result = schema.Evaluate(e.GetProperty("data"), options);
                Assert.True(result.IsValid, $"{type} at position {e.GetProperty("position")} does not match its schema: {e.GetProperty("data")} — {JsonSerializer.Serialize(result)}");
                types.Add(type);
            }
            after = page.GetProperty("next").GetInt64();
        }
        foreach (var expected in new[] { "MemberRegistered", "MemberUpdated", "MemberRemoved", "HoldingAdded", "HoldingChanged", "HoldingWithdrawn", "LoanStarted", "LoanRenewed", "LoanEnded" })
            Assert.Contains(expected, types);
    }
}

public sealed class DwhSchemaTests_on_Sqlite() : DwhSchemaTests(TestBackend.Sqlite);

public sealed class DwhSchemaTests_on_Postgres() : DwhSchemaTests(TestBackend.Postgres);
