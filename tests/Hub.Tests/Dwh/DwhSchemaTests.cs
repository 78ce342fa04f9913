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

        using var dwh = _world.Hub.Client(HubHost.DwhKey);
        var types = new DwhSchemas().AssertAllMatch(await EventPages.ReadAllAsync(dwh, "/api/v1/dwh/events"));
        foreach (var expected in new[] { "MemberRegistered", "MemberUpdated", "MemberRemoved", "HoldingAdded", "HoldingChanged", "HoldingWithdrawn", "LoanStarted", "LoanRenewed", "LoanEnded" })
            Assert.Contains(expected, types);
    }
}

public sealed class DwhSchemaTests_on_Sqlite() : DwhSchemaTests(TestBackend.Sqlite);

public sealed class DwhSchemaTests_on_Postgres() : DwhSchemaTests(TestBackend.Postgres);
