using System.Net;
using Lsb.Hub.HoldingsSync.Records;
using Lsb.Hub.Simulators.Catalogues.WorldCat;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync;

/// <summary>A library synchronised with WorldCat: LHRs written once each through 429s, removed when withdrawn, reconciled.</summary>
public abstract class WorldCatTests(TestBackend backend)
    : SyncWorldTests(() => SyncWorld.StartAsync(backend, worldCat: new WorldCatSimulatorOptions { RetryAfterSeconds = 1 }, worldCatLibraries: [Isil]))
{
    private const string Isil = "NL-0851960000";

    private WorldCatSimulatorControl WorldCat => World.Sims.WorldCat.Control;

    [Fact]
    public async Task When_WorldCat_answers_429_Should_wait_out_Retry_After_and_write_every_LHR_exactly_once()
    {
        var copies = new List<string>();
        for (var i = 0; i < 4; i++)
            copies.Add(await World.Direct.PutAsync($"t{i}", Isil, $"3530000000010{i}", isbn: TestIsbn.Next(), oclc: $"(OCoLC)00{7_000_000 + i}"));
        var withoutOclc = await World.Direct.PutAsync("t9", Isil, "35300000000199", isbn: TestIsbn.Next());
        WorldCat.ThrottleNext(3);

        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.True(WorldCat.Throttled >= 3, $"WorldCat answered {WorldCat.Throttled} calls with 429");
        Assert.Equal(0, WorldCat.EarlyRetries);
        for (var i = 0; i < copies.Count; i++)
        {
            var controlNumber = WorldCatLhrRecord.ControlNumber(copies[i]);
            var lhr = Assert.IsType<WorldCatLhr>(WorldCat.Find(controlNumber));
            Assert.Equal(1, WorldCat.WriteCount(controlNumber));
            Assert.Equal((7_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), lhr.OclcNumber);
            Assert.Equal(CatalogueSims.WorldCatSymbol, lhr.Symbol);
            Assert.Equal(Isil, lhr.HoldingLibrary);
            Assert.Equal($"3530000000010{i}", lhr.Barcode);
        }
        Assert.Null(WorldCat.Find(WorldCatLhrRecord.ControlNumber(withoutOclc)));
        var unmatched = Assert.Single((await World.StatusAsync(Isil)).GetProperty("unmatched").GetProperty("copies").EnumerateArray());
        Assert.Equal(withoutOclc, unmatched.GetProperty("holdingId").GetString());
        Assert.Contains("no OCLC number", unmatched.GetProperty("reason").GetString(), StringComparison.Ordinal);

        await World.Direct.WithdrawAsync("t0", Isil);
        await Eventually.TrueAsync(async () => (await World.StatusAsync(Isil)).GetProperty("pendingChanges").GetInt32() > 0, "the withdrawal in the journal");
        WorldCat.ExpireAllTokens();
        using var admin = World.Admin();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/holdings-sync/libraries/{Isil}/batches", null)).StatusCode);
        await World.DeliveredAsync(Isil, "Manual");
        Assert.Null(WorldCat.Find(WorldCatLhrRecord.ControlNumber(copies[0])));
        Assert.True(WorldCat.TokensIssued >= 2, "the hub fetched a new token after WorldCat refused the old one");
    }

    [Fact]
    public async Task When_WorldCat_lost_an_LHR_Should_find_it_missing_and_write_it_again()
    {
        var copy = await World.Direct.PutAsync("m1", Isil, "35300000000201", oclc: "8000001");
        var kept = await World.Direct.PutAsync("m2", Isil, "35300000000202", oclc: "8000002");
        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.True(WorldCat.Remove(WorldCatLhrRecord.ControlNumber(copy)));

        using var admin = World.Admin();
        var response = await admin.PostAsync($"/api/v1/holdings-sync/libraries/{Isil}/reconcile", null);
        var report = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        Assert.Equal(1, report.GetProperty("missing").GetInt32());
        Assert.Equal(0, report.GetProperty("differing").GetInt32());
        Assert.Equal(0, report.GetProperty("surplus").GetInt32());
        await World.DeliveredAsync(Isil, "Repair");
        Assert.NotNull(WorldCat.Find(WorldCatLhrRecord.ControlNumber(copy)));
        Assert.Equal(1, WorldCat.WriteCount(WorldCatLhrRecord.ControlNumber(kept)));
    }
}

public sealed class WorldCatTests_on_Sqlite() : WorldCatTests(TestBackend.Sqlite);

public sealed class WorldCatTests_on_Postgres() : WorldCatTests(TestBackend.Postgres);
