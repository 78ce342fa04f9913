using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Marc.Holdings;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync;

/// <summary>The holdings-sync API: a full resync of one library, bad input and foreign keys answered with problem details.</summary>
public abstract class HoldingsSyncApiTests(TestBackend backend) : SyncWorldTests(() => SyncWorld.StartAsync(backend))
{
    private const string Isil = "NL-0851980000";

    [Fact]
    public async Task When_a_full_resync_is_asked_Should_send_every_copy_again_and_delete_what_only_the_catalogue_holds()
    {
        var first = await World.Direct.PutAsync("rs1", Isil, "35100000000101", isbn: TestIsbn.Next(), shelfmark: "ROMAN AAA");
        var second = await World.Direct.PutAsync("rs2", Isil, "35100000000102", isbn: TestIsbn.Next(), shelfmark: "ROMAN BBB");
        var unmatched = await World.Direct.PutAsync("rs3", Isil, "35100000000103");
        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.Equal(1, Ggc.ApplicationCount(first));
        Assert.Equal(1, Ggc.ApplicationCount(second));
        Ggc.AlterShelfmark(Isil, second, "KAST 13");
        var surplus = "hld-" + Guid.NewGuid().ToString("N");
        Ggc.Plant(Isil, new MarcHoldingsBuilder("123456789").WithControlNumber(surplus).AtLocation(Isil)
            .AddItem(new HoldingsItem { Barcode = "39999000000101" }).Build());

        using var admin = World.Admin();
        using var response = await admin.PostAsync($"/api/v1/holdings-sync/libraries/{Isil}/resync", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Resync", report.GetProperty("kind").GetString());
        Assert.Equal(3, report.GetProperty("hubCopies").GetInt32());
        Assert.Equal(3, report.GetProperty("targetCopies").GetInt32());
        Assert.Equal(1, report.GetProperty("surplus").GetInt32());
        Assert.Equal(1, report.GetProperty("differing").GetInt32());
        Assert.Equal(1, report.GetProperty("unmatched").GetInt32());

        await World.DeliveredAsync(Isil, "Resync");
        // Both matched copies went again (the unaltered one too), the altered one is back as the hub has it, the
        // surplus is gone and the copy without an identifier was not sent.
        Assert.Equal(2, Ggc.ApplicationCount(first));
        Assert.Equal(2, Ggc.ApplicationCount(second));
        Assert.Equal("ROMAN BBB", Ggc.Find(Isil, second)!.GetDataField("852")?['h']);
        Assert.Null(Ggc.Find(Isil, surplus));
        Assert.Null(Ggc.Find(Isil, unmatched));
        Assert.Equal(2, Ggc.HeldCount(Isil));
        var status = await World.StatusAsync(Isil);
        Assert.Equal("Resync", status.GetProperty("lastReconciliation").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/v1/holdings-sync/libraries/0851980000")]
    [InlineData("POST", "/api/v1/holdings-sync/libraries/12-0851980000/reconcile")]
    [InlineData("POST", "/api/v1/holdings-sync/libraries/12-0851980000/resync")]
    [InlineData("POST", "/api/v1/holdings-sync/libraries/12-0851980000/batches")]
    [InlineData("GET", "/api/v1/holdings-sync/libraries/12-0851980000/batches/hsb-1")]
    public async Task When_the_ISIL_is_not_an_ISIL_Should_answer_400_problem_details_naming_the_field(string method, string path)
    {
        using var admin = World.Admin();
        using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("isil", out _), problem.ToString());
    }

    [Fact]
    public async Task When_a_batch_does_not_exist_Should_answer_404_problem_details()
    {
        using var admin = World.Admin();
        using var response = await admin.GetAsync($"/api/v1/holdings-sync/libraries/{Isil}/batches/hsb-nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task When_a_POI_that_does_not_run_the_library_asks_to_reconcile_Should_answer_403_and_send_nothing()
    {
        var copy = await World.Direct.PutAsync("p1", Isil, "35100000000111", isbn: TestIsbn.Next());
        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.True(Ggc.Remove(Isil, copy));

        using var poi = World.Hub.Host.Client(HubHost.OtherPoiKey);
        using var response = await poi.PostAsync($"/api/v1/holdings-sync/libraries/{Isil}/reconcile", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(Ggc.Find(Isil, copy));
        Assert.False((await World.StatusAsync(Isil)).TryGetProperty("lastReconciliation", out var last) && last.ValueKind != JsonValueKind.Null);
    }
}

public sealed class HoldingsSyncApiTests_on_Sqlite() : HoldingsSyncApiTests(TestBackend.Sqlite);

public sealed class HoldingsSyncApiTests_on_Postgres() : HoldingsSyncApiTests(TestBackend.Postgres);
