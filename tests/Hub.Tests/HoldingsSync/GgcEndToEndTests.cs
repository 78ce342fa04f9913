using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Marc;
using Lsb.Hub.Marc.Holdings;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync;

/// <summary>
/// A copy added in a vendor's library system reaches GGC in the next daily file, leaves it when withdrawn; a planted
/// drift is found and repaired by reconciliation. Runs once per vendor simulator and storage backend.
/// </summary>
public abstract class GgcEndToEndTests(TestBackend backend, Func<Task<IVendorCopies>> vendor)
    : SyncWorldTests(() => SyncWorld.StartAsync(backend, vendor, recordsPerFile: 2))
{
    private IVendorCopies Vendor => World.Vendor!;

    [Fact]
    public async Task When_a_copy_is_added_in_the_library_system_Should_appear_in_GGC_after_the_daily_cut_and_disappear_when_withdrawn()
    {
        var isbn = TestIsbn.Next();
        var copy = await Vendor.AddCopyAsync(isbn, "Het achterhuis");
        var holdingId = await World.HoldingIdByIsbnAsync(isbn);
        Assert.Null(Ggc.Find(Vendor.Isil, holdingId));

        World.NextDay();
        await World.DeliveredAsync(Vendor.Isil);
        var held = Assert.IsType<MarcRecord>(Ggc.Find(Vendor.Isil, holdingId));
        Assert.Equal('x', held.Leader.TypeOfRecord);
        Assert.Equal(copy.Barcode, held.GetDataField("876")?['p']);
        Assert.Equal(isbn, held.GetDataField("020")?['a']);
        Assert.Equal(Vendor.Isil, held.GetDataField("852")?['a']);
        var report = Ggc.Reports().Single(r => r.Outcomes.Any(o => o.RecordId == holdingId));
        Assert.Equal("accepted", report.Outcomes.Single(o => o.RecordId == holdingId).Result);
        Assert.StartsWith($"{Vendor.Isil}-20261202-01-", report.File, StringComparison.Ordinal);

        await Vendor.WithdrawAsync(copy);
        await Eventually.TrueAsync(async () =>
        {
            using var client = World.Admin();
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/holdings?isbn={isbn}");
            return page.GetProperty("holdings").GetArrayLength() == 0;
        }, "the withdrawn copy to leave the union holdings index");
        Assert.NotNull(Ggc.Find(Vendor.Isil, holdingId));

        World.NextDay();
        await World.DeliveredAsync(Vendor.Isil);
        Assert.Null(Ggc.Find(Vendor.Isil, holdingId));
        Assert.Equal(2, Ggc.ApplicationCount(holdingId));
        var status = await World.StatusAsync(Vendor.Isil);
        Assert.Equal(status.GetProperty("hubCopies").GetInt32(), Ggc.HeldCount(Vendor.Isil));
        Assert.Equal(status.GetProperty("targetCopies").GetInt32(), Ggc.HeldCount(Vendor.Isil));
    }

    [Fact]
    public async Task When_GGC_drifted_from_the_hub_Should_find_the_missing_surplus_and_differing_copies_and_repair_them()
    {
        var isbns = new[] { TestIsbn.Next(), TestIsbn.Next() };
        foreach (var isbn in isbns) await Vendor.AddCopyAsync(isbn, "Max Havelaar");
        var missing = await World.HoldingIdByIsbnAsync(isbns[0]);
        var differing = await World.HoldingIdByIsbnAsync(isbns[1]);
        World.NextDay();
        await World.DeliveredAsync(Vendor.Isil);
        var shelfmark = Ggc.Find(Vendor.Isil, differing)!.GetDataField("852")?['h'];

        Assert.True(Ggc.Remove(Vendor.Isil, missing));
        Ggc.AlterShelfmark(Vendor.Isil, differing, "KAST 13");
        var surplus = "hld-" + Guid.NewGuid().ToString("N");
        Ggc.Plant(Vendor.Isil, new MarcHoldingsBuilder("123456789").WithControlNumber(surplus).AtLocation(Vendor.Isil)
            .AddItem(new HoldingsItem { Barcode = "39999000000001" }).Build());

        using var admin = World.Admin();
        var response = await admin.PostAsync($"/api/v1/holdings-sync/libraries/{Vendor.Isil}/reconcile", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("missing").GetInt32());
        Assert.Equal(1, report.GetProperty("surplus").GetInt32());
        Assert.Equal(1, report.GetProperty("differing").GetInt32());
        Assert.Equal(missing, report.GetProperty("samples").GetProperty("missing")[0].GetProperty("holdingId").GetString());
        Assert.Equal(surplus, report.GetProperty("samples").GetProperty("surplus")[0].GetProperty("holdingId").GetString());
        Assert.Equal(differing, report.GetProperty("samples").GetProperty("differing")[0].GetProperty("holdingId").GetString());

        await World.DeliveredAsync(Vendor.Isil, "Repair");
        Assert.NotNull(Ggc.Find(Vendor.Isil, missing));
        Assert.Null(Ggc.Find(Vendor.Isil, surplus));
        Assert.Equal(shelfmark, Ggc.Find(Vendor.Isil, differing)!.GetDataField("852")?['h']);

        var again = await (await admin.PostAsync($"/api/v1/holdings-sync/libraries/{Vendor.Isil}/reconcile", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("missing").GetInt32() + again.GetProperty("surplus").GetInt32() + again.GetProperty("differing").GetInt32());
        Assert.False(again.TryGetProperty("repairBatchId", out _));
    }
}

public sealed class GgcEndToEndTests_with_Wise_on_Sqlite() : GgcEndToEndTests(TestBackend.Sqlite, WiseCopies.StartAsync);

public sealed class GgcEndToEndTests_with_Wise_on_Postgres() : GgcEndToEndTests(TestBackend.Postgres, WiseCopies.StartAsync);

public sealed class GgcEndToEndTests_with_Brocade_on_Sqlite() : GgcEndToEndTests(TestBackend.Sqlite, BrocadeCopies.StartAsync);

public sealed class GgcEndToEndTests_with_Brocade_on_Postgres() : GgcEndToEndTests(TestBackend.Postgres, BrocadeCopies.StartAsync);

public sealed class GgcEndToEndTests_with_VSmart_on_Sqlite() : GgcEndToEndTests(TestBackend.Sqlite, VSmartCopies.StartAsync);

public sealed class GgcEndToEndTests_with_VSmart_on_Postgres() : GgcEndToEndTests(TestBackend.Postgres, VSmartCopies.StartAsync);
