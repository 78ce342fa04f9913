using System.Net;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync;

/// <summary>What goes into a batch: the difference between the hub and the catalogue, never intermediate states or loans.</summary>
public abstract class BatchContentTests(TestBackend backend) : SyncWorldTests(() => SyncWorld.StartAsync(backend))
{
    private const string Isil = "NL-0851950000";
    private const string Branch = "NL-0851950001";

    [Fact]
    public async Task When_a_copy_is_added_and_withdrawn_before_the_cut_Should_never_reach_GGC()
    {
        var kept = await World.Direct.PutAsync("k1", Isil, "35950000000001", isbn: TestIsbn.Next());
        var fleeting = await World.Direct.PutAsync("k2", Isil, "35950000000002", isbn: TestIsbn.Next());
        await World.Direct.WithdrawAsync("k2", Isil);
        await PendingAsync(2);

        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.NotNull(Ggc.Find(Isil, kept));
        Assert.Equal(0, Ggc.ApplicationCount(fleeting));
        Assert.Equal(1, (await World.StatusAsync(Isil)).GetProperty("lastBatch").GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task When_only_a_copys_circulation_status_changes_Should_not_put_it_in_the_next_batch()
    {
        var isbn = TestIsbn.Next();
        var copy = await World.Direct.PutAsync("s1", Isil, "35950000000011", isbn: isbn);
        World.NextDay();
        await World.DeliveredAsync(Isil);

        await World.Direct.PutAsync("s1", Isil, "35950000000011", isbn: isbn, status: HoldingStatus.OnLoan);
        await World.Direct.PutAsync("s1", Isil, "35950000000011", isbn: isbn, status: HoldingStatus.Available);
        var other = await World.Direct.PutAsync("s2", Isil, "35950000000012", isbn: TestIsbn.Next());
        await PendingAsync(1);
        using var admin = World.Admin();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/holdings-sync/libraries/{Isil}/batches", null)).StatusCode);
        await World.DeliveredAsync(Isil, "Manual");
        Assert.Equal(1, Ggc.ApplicationCount(copy));
        Assert.Equal(1, Ggc.ApplicationCount(other));
    }

    [Fact]
    public async Task When_a_copy_moves_to_another_branch_Should_be_deleted_at_the_old_and_added_at_the_new()
    {
        var isbn = TestIsbn.Next();
        var copy = await World.Direct.PutAsync("m1", Isil, "35950000000021", isbn: isbn);
        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.NotNull(Ggc.Find(Isil, copy));

        await World.Direct.PutAsync("m1", Branch, "35950000000021", isbn: isbn);
        await Eventually.TrueAsync(async () => (await World.StatusAsync(Branch)).GetProperty("pendingChanges").GetInt32() == 1
            && (await World.StatusAsync(Isil)).GetProperty("pendingChanges").GetInt32() == 1, "the move in both libraries' journals");
        World.NextDay();
        await World.DeliveredAsync(Isil);
        await World.DeliveredAsync(Branch);
        Assert.Null(Ggc.Find(Isil, copy));
        Assert.NotNull(Ggc.Find(Branch, copy));
    }

    [Fact]
    public async Task When_a_batch_was_delivered_longer_ago_than_payloads_are_kept_Should_clear_its_payloads_and_keep_its_outcomes()
    {
        await World.Direct.PutAsync("p1", Isil, "35950000000031", isbn: TestIsbn.Next());
        World.NextDay();
        await World.DeliveredAsync(Isil);
        var batch = (await World.StatusAsync(Isil)).GetProperty("lastBatch").GetProperty("id").GetString();
        Assert.Equal(1, await PayloadsAsync(batch!));

        World.Hub.Advance(TimeSpan.FromDays(31));
        await Eventually.TrueAsync(async () => await PayloadsAsync(batch!) == 0, "the old payloads to be cleared");
        using var admin = World.Admin();
        var detail = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(admin,
            $"/api/v1/holdings-sync/libraries/{Isil}/batches/{batch}");
        Assert.Equal("Accepted", Assert.Single(detail.GetProperty("records").EnumerateArray()).GetProperty("status").GetString());
    }

    private async Task<long> PayloadsAsync(string batchId)
    {
        var database = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Storage.HubDatabase>(World.Hub.Services);
        await using var connection = await database.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT COUNT(*) FROM holdings_sync_records WHERE batch_id = @batchId AND payload IS NOT NULL", new { batchId });
    }

    private Task PendingAsync(int count)
        => Eventually.TrueAsync(async () => (await World.StatusAsync(Isil)).GetProperty("pendingChanges").GetInt32() == count,
            $"{count} copies in the journal of {Isil}");
}

public sealed class BatchContentTests_on_Sqlite() : BatchContentTests(TestBackend.Sqlite);

public sealed class BatchContentTests_on_Postgres() : BatchContentTests(TestBackend.Postgres);
