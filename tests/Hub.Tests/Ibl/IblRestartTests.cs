using Lsb.Hub.Ibl;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>A hub stopped in the middle of many requests, with steps in flight and timers pending, resumes every one.</summary>
public abstract class IblRestartTests(TestBackend backend) : IAsyncLifetime
{
    private const string Borrower = "NL-0851010000"; // Wise: no manual steps at the borrower
    private const string WiseLender = "NL-0851020000";
    private const string OtherWiseLender = "NL-0851030000";
    private const string BrocadeLender = "NL-0853010000";
    private IblWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await IblWorld.StartAsync(backend, fakeClock: true);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private async Task<string> PlaceAsync(params string[] lenders)
    {
        var isbn = IblScenario.NewIsbn();
        foreach (var lender in lenders) await _world.AddCopyAsync(lender, isbn);
        var (member, _) = await _world.AddMemberAsync(Borrower);
        return await _world.PlaceAsync(Borrower, member, isbn);
    }

    private static string LenderKey(System.Text.Json.JsonElement view)
    {
        var agency = view.GetProperty("lender").GetProperty("agency").GetString()!;
        return IblWorld.LibraryKey(agency[..9] + "0000");
    }

    [Fact]
    public async Task When_the_hub_is_restarted_mid_process_Should_resume_every_request_its_steps_and_its_timers()
    {
        var timers = _world.Services.GetRequiredService<IOptions<IblOptions>>().Value.Timers;
        var waiting = await PlaceAsync(WiseLender, BrocadeLender);              // the lender's answer timer runs
        var willSupply = await PlaceAsync(OtherWiseLender);
        var shipping = await PlaceAsync(BrocadeLender);
        var receiving = await PlaceAsync(WiseLender);
        await _world.WaitForStateAsync(waiting, "SentToSupplier");
        var will = await _world.WaitForStateAsync(willSupply, "SentToSupplier");
        await _world.ActAsync(willSupply, LenderKey(will), new { action = "WillSupply" });
        var ship = await _world.WaitForStateAsync(shipping, "SentToSupplier");
        var receive = await _world.WaitForStateAsync(receiving, "SentToSupplier");
        await _world.ActAsync(receiving, LenderKey(receive), new { action = "Shipped" });
        await _world.WaitForStepAsync(receiving, "Loaned", "LenderCheckOut", "Done");

        // Actions whose adapter steps are still on the bus when the hub stops, and a request still being validated.
        await _world.ActAsync(shipping, LenderKey(ship), new { action = "Shipped" });
        await _world.ActAsync(receiving, IblWorld.LibraryKey(Borrower), new { action = "Received" });
        var placedLast = await PlaceAsync(OtherWiseLender);
        await _world.RestartHubAsync();

        // The request that was still being validated goes on after the restart; its lender answers before the clock
        // moves, so only the timer set before the restart runs out.
        var last = await _world.WaitForStateAsync(placedLast, "SentToSupplier");
        await _world.ActAsync(placedLast, LenderKey(last), new { action = "WillSupply" });

        // The timer set before the restart fires after it: the first lender is passed over.
        _world.Clock!.Advance(timers.LenderAnswerTimeout + TimeSpan.FromMinutes(1));
        var moved = await _world.WaitForStateAsync(waiting, "SentToSupplier",
            v => v.GetProperty("lender").GetProperty("agency").GetString()!.StartsWith(BrocadeLender[..9], StringComparison.Ordinal));
        Assert.Equal("NoAnswer", moved.GetProperty("rota")[0].GetProperty("status").GetString());

        await Task.WhenAll(
            CompleteAsync(waiting, "SentToSupplier"),
            CompleteAsync(willSupply, "WillSupply"),
            CompleteAsync(shipping, "Loaned"),
            CompleteAsync(receiving, "Received"),
            CompleteAsync(placedLast, "WillSupply"));
    }

    /// <summary>Drives a request from <paramref name="from"/> to LoanCompleted and checks it passed each state once.</summary>
    private async Task CompleteAsync(string id, string from)
    {
        var order = new[] { "New", "SentToSupplier", "WillSupply", "Loaned", "Received" };
        var at = Array.IndexOf(order, from);
        var view = await _world.WaitForStateAsync(id, at <= 1 ? "SentToSupplier" : from);
        var lenderKey = LenderKey(view);
        if (at <= 2) await _world.ActAsync(id, lenderKey, new { action = "Shipped" });
        if (at <= 3)
        {
            await _world.WaitForStepAsync(id, "Loaned", "LenderCheckOut", "Done");
            await _world.ActAsync(id, IblWorld.LibraryKey(Borrower), new { action = "Received" });
        }
        await _world.WaitForStepAsync(id, "Received", "BorrowerCheckOut", "Done");
        await _world.ActAsync(id, IblWorld.LibraryKey(Borrower), new { action = "ShippedReturn" });
        await _world.WaitForStepAsync(id, "ShippedReturn", "DeleteTemporaryItem", "Done");
        await _world.ActAsync(id, lenderKey, new { action = "CheckedIn" });
        var done = await _world.WaitForStateAsync(id, "LoanCompleted");
        foreach (var kind in new[] { "ValidatePatron", "PlaceLenderHold", "LenderCheckOut", "CreateTemporaryItem", "BorrowerCheckOut", "BorrowerCheckIn", "DeleteTemporaryItem", "LenderCheckIn" })
        {
            Assert.True(done.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == kind).All(s => s.GetProperty("status").GetString() == "Done"),
                $"{id}: {kind} not done: {IblScenario.Describe(done)}");
        }
        var states = IblScenario.States(done);
        Assert.True(states.Distinct().Count() == states.Count || states.Contains("Unfilled"), $"{id} passed a state twice: {string.Join(" → ", states)}");
        Assert.Equal("LoanCompleted", states[^1]);
    }
}

public sealed class IblRestartTests_on_Sqlite() : IblRestartTests(TestBackend.Sqlite);

public sealed class IblRestartTests_on_Postgres() : IblRestartTests(TestBackend.Postgres);
