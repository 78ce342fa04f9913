using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Consolidation.Support;
using Lsb.Hub.Tests.Infrastructure;
using static Lsb.Hub.Tests.Consolidation.Support.MoveWorld;

namespace Lsb.Hub.Tests.Consolidation;

/// <summary>
/// A change of the old installation that failed before the library moved is not lost: it stays listed under the
/// library's ISIL, and replayed after the move it reaches the member it was about, under the same canonical id.
/// </summary>
public abstract class FailedMessageAcrossMoveTests(TestBackend backend) : MoveWorldTests(backend, new Dictionary<string, string?>
{
    ["Mappings:ReloadCheckInterval"] = "00:00:00.050",
    ["Bus:DurabilityPollingInterval"] = "00:00:00.200",
    ["FailedMessages:PauseBetweenBatches"] = "00:00:00",
    ["FailedMessages:SettleCheckInterval"] = "00:00:00.100",
})
{
    private const string NewStatus = "SCHORS";

    [Fact]
    public async Task When_a_change_failed_before_the_move_and_is_replayed_after_it_Should_reach_the_same_member()
    {
        // This test expects the replayed change to APPLY, which holds only while the target installation has not yet
        // reported Anna itself. With two nodes on RabbitMQ the target's harvest gets there first: the replay is counted
        // as succeeded and, as docs/consolidation.md says, the old change is superseded (Anna stays Active). The test
        // cannot yet hold the target back, so on that backend it is skipped rather than left racing.
        if (Backend == TestBackend.Postgres && TestBackends.RabbitMqUri is not null)
            Assert.Skip("Races the target's harvest with two nodes on RabbitMQ: the replayed old change is then superseded, as designed (docs/consolidation.md, limits); the test expects it applied.");
        var anna = World.WiseControl.AddPatron(Wise, Lindendal, new PatronDraft { GivenName = "Anna", FamilyName = "Veldkamp", CardNumber = "2000100000011", Status = "ACT", BranchId = "410100" });
        var member = await World.ArrivedAsync(Wise, "member", anna.PatronSystemId);
        World.WiseControl.UpdatePatron(Wise, anna.PatronSystemId, new PatronUpdate { Status = NewStatus });
        var failedId = await FailedOfLindendalAsync(1);

        var borrower = World.VSmartControl.AddBorrower(VSmart, MigratedLindendal, new BorrowerDraft { GivenName = "Anna", FamilyName = "Veldkamp", CardNumber = "2000100000011", BranchCode = "LDL01" });
        var (status, accepted) = await World.PostMoveAsync(LindendalIsil, new
        {
            targetInstallation = VSmart, targetVendorLibraryId = MigratedLindendal, migrationMap = $"entity,old_id,new_id\nmember,{anna.PatronSystemId},{borrower.BorrowerId}\n",
        });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var location = $"/api/v1/libraries/{LindendalIsil}/moves/{accepted.GetProperty("id").GetString()}";
        await World.WaitForMoveAsync(location, "Overlap");
        (await World.Client().PostAsync($"{location}/end-overlap", null)).EnsureSuccessStatusCode();
        await World.WaitForMoveAsync(location, "Completed");
        Assert.Equal(failedId, await FailedOfLindendalAsync(1));
        Assert.Equal("Active", await World.ScalarAsync<string>("SELECT status FROM members WHERE id = @member", new { member }));

        // The administrator maps the code and replays: the change reaches Anna, whose id the move kept.
        var file = Path.Combine(World.MappingsFolder, "wise", "patron-status.csv");
        await File.AppendAllTextAsync(file, $"*,{NewStatus},Blocked,Geschorst\n", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(1));
        await ReplayUntilHandledAsync(failedId);
        await World.WaitForAsync("Anna blocked by the replayed change", "SELECT COUNT(*) FROM members WHERE id = @member AND status = 'Blocked'", new { member }, n => n == 1);
        var events = await World.EventsAsync();
        var updated = Assert.Single(events, e => e.GetProperty("eventType").GetString() == "MemberUpdated" && e.GetProperty("subjectId").GetString() == member);
        Assert.Equal(Wise, updated.GetProperty("sourceSystem").GetString());
        Assert.Single(events, e => e.GetProperty("eventType").GetString() == "MemberRegistered");
        Assert.Equal(member, await World.CanonicalIdAsync(VSmart, "member", borrower.BorrowerId));
        Assert.Equal(0, (await World.GetAsync($"/api/v1/admin/failed-messages?library={LindendalIsil}")).GetProperty("total").GetInt32());
    }

    // Replays the message and waits for the outcome. The hub reads an edited mapping file at its next check
    // (Mappings:ReloadCheckInterval); a replay that came too soon fails again and is replayed again, as an
    // administrator would.
    private async Task ReplayUntilHandledAsync(string failedId)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var admin = World.Client();
            using var replay = await admin.PostAsJsonAsync("/api/v1/admin/failed-messages/replay", new { ids = new[] { failedId } }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
            var operation = $"/api/v1/admin/operations/{(await replay.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()}";
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                var state = await World.GetAsync(operation);
                if (state.GetProperty("succeeded").GetInt32() == 1) return;
                if (state.GetProperty("failedAgain").GetInt32() == 1 && attempt < 3) break;
                if (DateTime.UtcNow > deadline || state.GetProperty("failedAgain").GetInt32() == 1)
                    throw new TimeoutException($"The replay did not succeed (attempt {attempt}): {state}");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    private async Task<string> FailedOfLindendalAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await World.GetAsync($"/api/v1/admin/failed-messages?library={LindendalIsil}");
            if (page.GetProperty("total").GetInt32() == count) return page.GetProperty("items")[0].GetProperty("id").GetString()!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Expected {count} failed message(s) of {LindendalIsil}: {page}");
            await Task.Delay(100);
        }
    }
}

public sealed class FailedMessageAcrossMoveTests_on_Sqlite() : FailedMessageAcrossMoveTests(TestBackend.Sqlite);

[Collection(PostgresConsolidationCollection.Name)]
public sealed class FailedMessageAcrossMoveTests_on_Postgres() : FailedMessageAcrossMoveTests(TestBackend.Postgres);
