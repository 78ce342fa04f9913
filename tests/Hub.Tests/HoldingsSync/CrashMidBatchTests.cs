using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.HoldingsSync.Records;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.HoldingsSync;

/// <summary>
/// The hub stops while the catalogue has applied a part (GGC file) or a record (WorldCat LHR) whose answer it never
/// received. The next hub on the same data resumes: nothing is sent twice, nothing is skipped.
/// </summary>
public abstract class CrashMidBatchTests(TestBackend backend)
    : SyncWorldTests(() => SyncWorld.StartAsync(backend, recordsPerFile: 2, worldCatLibraries: [WorldCatLibrary]))
{
    private const string GgcLibrary = "NL-0851980000";
    private const string WorldCatLibrary = "NL-0851970000";

    [Fact]
    public async Task When_the_hub_stops_after_GGC_imported_a_file_whose_report_it_never_got_Should_resume_without_resending_or_skipping_a_file()
    {
        var ggc = World.Sims.Ggc.Control;
        var copies = new List<string>();
        for (var i = 0; i < 5; i++)
            copies.Add(await World.Direct.PutAsync($"g{i}", GgcLibrary, $"3510000000010{i}", isbn: TestIsbn.Next()));
        var label = $"{GgcLibrary}-20261202-01";
        ggc.Gate.HoldAfterApplying(file => file == label + "-002.mrc");

        World.NextDay();
        await ggc.Gate.WhenHeldAsync().WaitAsync(TimeSpan.FromSeconds(90));
        await World.Hub.StopAsync();
        ggc.Gate.Release();
        await World.Hub.BootAsync();
        World.Hub.Advance(TimeSpan.FromMinutes(20));
        await World.DeliveredAsync(GgcLibrary);

        Assert.All(new[] { "-001.mrc", "-002.mrc", "-003.mrc" }, part => Assert.Equal(1, ggc.UploadCount(label + part)));
        Assert.All(copies, id => Assert.Equal(1, ggc.ApplicationCount(id)));
        Assert.All(copies, id => Assert.NotNull(ggc.Find(GgcLibrary, id)));
        var batch = await LastBatchAsync(GgcLibrary);
        Assert.All(batch.GetProperty("records").EnumerateArray(), r => Assert.Equal("Accepted", r.GetProperty("status").GetString()));
        Assert.True(batch.GetProperty("batch").GetProperty("attempts").GetInt32() >= 2);
    }

    [Fact]
    public async Task When_the_hub_stops_after_WorldCat_applied_an_LHR_whose_answer_it_never_got_Should_resume_without_sending_any_LHR_twice()
    {
        var worldCat = World.Sims.WorldCat.Control;
        var copies = new List<string>();
        for (var i = 0; i < 5; i++)
            copies.Add(await World.Direct.PutAsync($"w{i}", WorldCatLibrary, $"3520000000010{i}", oclc: (5_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var held = WorldCatLhrRecord.ControlNumber(copies.Order(StringComparer.Ordinal).ElementAt(2));
        worldCat.Gate.HoldAfterApplying(controlNumber => controlNumber == held);

        World.NextDay();
        await worldCat.Gate.WhenHeldAsync().WaitAsync(TimeSpan.FromSeconds(90));
        await World.Hub.StopAsync();
        worldCat.Gate.Release();
        await World.Hub.BootAsync();
        World.Hub.Advance(TimeSpan.FromMinutes(20));
        await World.DeliveredAsync(WorldCatLibrary);

        foreach (var id in copies)
        {
            var controlNumber = WorldCatLhrRecord.ControlNumber(id);
            Assert.NotNull(worldCat.Find(controlNumber));
            Assert.Equal(1, worldCat.CreateCount(controlNumber));
            Assert.Equal(1, worldCat.WriteCount(controlNumber));
        }
        var batch = await LastBatchAsync(WorldCatLibrary);
        Assert.All(batch.GetProperty("records").EnumerateArray(), r => Assert.Equal("Accepted", r.GetProperty("status").GetString()));
    }

    private async Task<JsonElement> LastBatchAsync(string isil)
    {
        var status = await World.StatusAsync(isil);
        using var client = World.Admin();
        return await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/holdings-sync/libraries/{isil}/batches/{status.GetProperty("lastBatch").GetProperty("id").GetString()}");
    }
}

public sealed class CrashMidBatchTests_on_Sqlite() : CrashMidBatchTests(TestBackend.Sqlite);

public sealed class CrashMidBatchTests_on_Postgres() : CrashMidBatchTests(TestBackend.Postgres);
