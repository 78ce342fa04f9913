using System.Text.Json;
using Lsb.Hub.HoldingsSync.Rejections;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Lsb.Hub.Tests.HoldingsSync;

/// <summary>A record GGC rejects becomes a failed message an administrator fixes and replays; replay is idempotent.</summary>
public abstract class RejectedRecordTests(TestBackend backend) : SyncWorldTests(() => SyncWorld.StartAsync(backend))
{
    private const string Isil = "NL-0851990000";
    private const string Reason = "876 $p: barcode range 3999 is not registered for this library in GGC";

    [Fact]
    public async Task When_GGC_rejects_a_copy_Should_fail_a_message_naming_library_copy_and_reason_and_its_replay_after_the_fix_sends_it_once()
    {
        var rejected = await World.Direct.PutAsync("r1", Isil, "39990000000011", isbn: TestIsbn.Next());
        var accepted = await World.Direct.PutAsync("r2", Isil, "35100000000012", isbn: TestIsbn.Next());
        Ggc.RejectBarcode("39990000000011", Reason);

        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.Null(Ggc.Find(Isil, rejected));
        Assert.NotNull(Ggc.Find(Isil, accepted));
        var letter = Assert.Single(await AdminFailedMessages.WaitForAsync(World.Admin, Isil, typeof(HoldingRecordRejectedException)));
        var letterId = letter.GetProperty("id").GetGuid();
        var text = letter.GetProperty("exceptionMessage").GetString();
        Assert.Contains(Isil, text, StringComparison.Ordinal);
        Assert.Contains(rejected, text, StringComparison.Ordinal);
        Assert.Contains(Reason, text, StringComparison.Ordinal);
        Assert.Equal(Isil, letter.GetProperty("library").GetString());
        var body = (await AdminFailedMessages.DetailAsync(World.Admin, letterId)).GetProperty("body").GetString()!;
        var listed = (await World.StatusAsync(Isil)).GetProperty("rejected");
        Assert.Equal(1, listed.GetProperty("count").GetInt32());
        Assert.Equal(rejected, listed.GetProperty("copies")[0].GetProperty("holdingId").GetString());
        Assert.True(listed.GetProperty("copies")[0].GetProperty("inFailedMessages").GetBoolean());

        Ggc.StopRejectingBarcode("39990000000011");
        var operation = await AdminFailedMessages.ReplayAsync(World.Admin, letterId);
        Assert.Equal(1, operation.GetProperty("succeeded").GetInt32());
        await Eventually.TrueAsync(() => Ggc.Find(Isil, rejected) is not null, "the replayed copy in GGC");
        Assert.Empty(await AdminFailedMessages.OfLibraryAsync(World.Admin, Isil, typeof(HoldingRecordRejectedException)));
        Assert.Equal("Resolved", (await AdminFailedMessages.DetailAsync(World.Admin, letterId)).GetProperty("summary").GetProperty("status").GetString());
        await Eventually.TrueAsync(async () => (await World.StatusAsync(Isil)).GetProperty("rejected").GetProperty("count").GetInt32() == 0,
            "the rejection to be closed");

        // The same message again (a second replay, a redelivery) sends nothing and fails nothing.
        var duplicate = JsonSerializer.Deserialize<HoldingRecordRejected>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(rejected, duplicate.HoldingId);
        await World.Hub.Services.GetRequiredService<IMessageBus>().InvokeAsync(duplicate);
        Assert.Equal(1, Ggc.ApplicationCount(rejected));
        Assert.Empty(await AdminFailedMessages.OfLibraryAsync(World.Admin, Isil, typeof(HoldingRecordRejectedException)));
    }

    [Fact]
    public async Task When_the_copy_is_fixed_in_the_library_system_before_the_replay_Should_send_the_fix_with_the_next_batch_and_the_replay_nothing()
    {
        var isbn = TestIsbn.Next();
        var copy = await World.Direct.PutAsync("f1", Isil, "39990000000021", isbn: isbn);
        Ggc.RejectBarcode("39990000000021", Reason);
        World.NextDay();
        await World.DeliveredAsync(Isil);
        var letter = Assert.Single(await AdminFailedMessages.WaitForAsync(World.Admin, Isil, typeof(HoldingRecordRejectedException)));

        await World.Direct.PutAsync("f1", Isil, "35100000000021", isbn: isbn);
        await Eventually.TrueAsync(async () => (await World.StatusAsync(Isil)).GetProperty("pendingChanges").GetInt32() > 0, "the fix in the journal");
        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.Equal("35100000000021", Ggc.Find(Isil, copy)!.GetDataField("876")?['p']);

        await AdminFailedMessages.ReplayAsync(World.Admin, letter.GetProperty("id").GetGuid());
        Assert.Empty(await AdminFailedMessages.OfLibraryAsync(World.Admin, Isil, typeof(HoldingRecordRejectedException)));
        await Eventually.TrueAsync(async () => (await World.StatusAsync(Isil)).GetProperty("rejected").GetProperty("count").GetInt32() == 0,
            "the rejection to be closed");
        Assert.Equal(1, Ggc.ApplicationCount(copy));
    }

    [Fact]
    public async Task When_a_copy_has_no_title_identifier_Should_be_reported_unmatched_and_sent_once_it_gets_one()
    {
        var copy = await World.Direct.PutAsync("u1", Isil, "35100000000031");
        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.Null(Ggc.Find(Isil, copy));
        var unmatched = (await World.StatusAsync(Isil)).GetProperty("unmatched");
        Assert.Equal(1, unmatched.GetProperty("count").GetInt32());
        var listed = unmatched.GetProperty("copies")[0];
        Assert.Equal(copy, listed.GetProperty("holdingId").GetString());
        Assert.Equal("Hub", listed.GetProperty("side").GetString());
        Assert.Contains("no PPN, ISBN or OCLC number", listed.GetProperty("reason").GetString(), StringComparison.Ordinal);

        await World.Direct.PutAsync("u1", Isil, "35100000000031", ppn: "41234567X");
        await Eventually.TrueAsync(async () => (await World.StatusAsync(Isil)).GetProperty("pendingChanges").GetInt32() > 0, "the change in the journal");
        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.Equal("41234567X", Ggc.Find(Isil, copy)!.GetControlField("004")?.Value);
        Assert.Equal(0, (await World.StatusAsync(Isil)).GetProperty("unmatched").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task When_GGC_does_not_know_the_title_Should_list_the_copy_as_unmatched_with_GGCs_reason()
    {
        var isbn = TestIsbn.Next();
        Ggc.MarkTitleUnknown(isbn);
        var copy = await World.Direct.PutAsync("u2", Isil, "35100000000041", isbn: isbn);
        World.NextDay();
        await World.DeliveredAsync(Isil);
        Assert.Null(Ggc.Find(Isil, copy));
        var status = await World.StatusAsync(Isil);
        var listed = Assert.Single(status.GetProperty("unmatched").GetProperty("copies").EnumerateArray(), u => u.GetProperty("holdingId").GetString() == copy);
        Assert.Equal("Target", listed.GetProperty("side").GetString());
        Assert.Contains("title not in GGC", listed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, status.GetProperty("lastBatch").GetProperty("unmatched").GetInt32());
        Assert.Equal(JsonValueKind.Array, status.GetProperty("undeliveredBatches").ValueKind);
    }
}

public sealed class RejectedRecordTests_on_Sqlite() : RejectedRecordTests(TestBackend.Sqlite);

public sealed class RejectedRecordTests_on_Postgres() : RejectedRecordTests(TestBackend.Postgres);
