using System.Net;
using System.Text.Json;
using Lsb.Hub.Dwh;
using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Consolidation.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Lsb.Hub.Tests.Consolidation.Support.MoveWorld;

namespace Lsb.Hub.Tests.Consolidation;

/// <summary>
/// A merger as a variant of a move: Bibliotheek Heidebeek (Wise, NL-0841020000) merges into Bibliotheek Rivierenzand
/// (V-smart, NL-0852020000), whose system keeps Heidebeek's records under a library code of their own. Afterwards the
/// library answers to both ISILs, its member keeps her canonical id and events — in the event log, the DWH pull feed and
/// the DWH push — show both ISILs where they differ, and only there.
/// </summary>
public abstract class LibraryMergerEndToEndTests(TestBackend backend)
    : MoveWorldTests(backend, new Dictionary<string, string?> { ["Dwh:PushFolder"] = Path.Combine(Path.GetTempPath(), "lsb-dwh-merger", Guid.NewGuid().ToString("N")) })
{
    [Fact]
    public async Task When_a_library_merges_into_another_Should_answer_to_both_isils_and_keep_its_members_ids()
    {
        var pushFolder = World.Hub.Services.GetRequiredService<IOptions<DwhOptions>>().Value.PushFolder!;
        try
        {
            await MergeAndReadAsync(pushFolder);
        }
        finally
        {
            if (Directory.Exists(pushFolder)) Directory.Delete(pushFolder, recursive: true);
        }
    }

    private async Task MergeAndReadAsync(string pushFolder)
    {
        // A member of Lindendal, which neither moves nor merges: its events never carry a current ISIL.
        var unmoved = World.WiseControl.AddPatron(Wise, Lindendal, new PatronDraft { GivenName = "Anna", FamilyName = "Veldkamp", CardNumber = "2000100000011", BranchId = "410100" });
        var unmovedMember = await World.ArrivedAsync(Wise, "member", unmoved.PatronSystemId);
        var hilde = World.WiseControl.AddPatron(Wise, Heidebeek, new PatronDraft { GivenName = "Hilde", FamilyName = "Brink", CardNumber = "2000200000011", BranchId = "410200" });
        var copy = World.WiseControl.AddItem(Wise, Heidebeek, new ItemDraft { Title = "Het Bittere Kruid", Barcode = "3000200000001", BranchId = "410200" });
        var member = await World.ArrivedAsync(Wise, "member", hilde.PatronSystemId);
        var holding = await World.ArrivedAsync(Wise, "holding", copy.ItemId);
        var borrower = World.VSmartControl.AddBorrower(VSmart, MigratedHeidebeek, new BorrowerDraft { GivenName = "Hilde", FamilyName = "Brink", CardNumber = "2000200000011", BranchCode = "HDB01" });
        var merged = World.VSmartControl.AddCopy(VSmart, MigratedHeidebeek, new Simulators.VSmart.CopyDraft { Title = "Het Bittere Kruid", Barcode = "3000200000001", BranchCode = "HDB01" });
        var map = $"entity,old_id,new_id\nmember,{hilde.PatronSystemId},{borrower.BorrowerId}\ncopy,{copy.ItemId},{merged.ItemId}\n";

        var (wrongStatus, wrong) = await World.PostMoveAsync(HeidebeekIsil,
            new { targetInstallation = VSmart, targetVendorLibraryId = MigratedHeidebeek, mergeInto = LindendalIsil, migrationMap = map, dryRun = true });
        Assert.Equal(HttpStatusCode.OK, wrongStatus);
        Assert.Equal(["request.merge-into"], wrong.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()));

        var (status, accepted) = await World.PostMoveAsync(HeidebeekIsil,
            new { targetInstallation = VSmart, targetVendorLibraryId = MigratedHeidebeek, mergeInto = RivierenzandIsil, migrationMap = map });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var location = $"/api/v1/libraries/{HeidebeekIsil}/moves/{accepted.GetProperty("id").GetString()}";
        await World.WaitForMoveAsync(location, "Overlap");
        (await World.Client().PostAsync($"{location}/end-overlap", null)).EnsureSuccessStatusCode();
        await World.WaitForMoveAsync(location, "Completed");

        var byFormer = await World.GetAsync($"/api/v1/libraries/{HeidebeekIsil}");
        Assert.Equal(RivierenzandIsil, byFormer.GetProperty("isil").GetString());
        Assert.Equal(VSmart, byFormer.GetProperty("installationId").GetString());
        Assert.Equal([HeidebeekIsil], byFormer.GetProperty("formerIsils").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(1, (await World.GetAsync($"/api/v1/libraries/{RivierenzandIsil}/moves")).GetArrayLength());
        Assert.Equal(member, await World.CanonicalIdAsync(VSmart, "member", borrower.BorrowerId));
        Assert.Equal(holding, await World.CanonicalIdAsync(VSmart, "holding", merged.ItemId));

        // The new system's next word about her: the same member, still at Heidebeek's location ISIL (an ISIL never
        // changes), and the event log shows the library's current ISIL beside it.
        World.VSmartControl.UpdateBorrower(VSmart, borrower.BorrowerId, new BorrowerUpdate { FamilyName = "Brink-Zandstra" });
        await World.WaitForAsync("Hilde's update through V-smart", "SELECT COUNT(*) FROM members WHERE id = @member AND family_name = 'Brink-Zandstra'",
            new { member }, n => n == 1);
        var updated = (await World.EventsAsync()).Last(e => e.GetProperty("subjectId").GetString() == member);
        Assert.Equal("MemberUpdated", updated.GetProperty("eventType").GetString());
        Assert.Equal(VSmart, updated.GetProperty("sourceSystem").GetString());
        Assert.Equal(HeidebeekIsil, updated.GetProperty("isil").GetString());
        Assert.Equal(RivierenzandIsil, updated.GetProperty("currentIsil").GetString());
        var registered = Assert.Single(await World.EventsAsync(), e => e.GetProperty("subjectId").GetString() == member && e.GetProperty("eventType").GetString() == "MemberRegistered");
        var unmovedRegistered = Assert.Single(await World.EventsAsync(), e => e.GetProperty("subjectId").GetString() == unmovedMember && e.GetProperty("eventType").GetString() == "MemberRegistered");

        // The DWH feed carries both ISILs where they differ — also for her registration, logged before the merger (the
        // current ISIL is looked up when the feed is read) — and none for the library that did not move.
        var feed = (await World.DwhEventsAsync()).ToDictionary(e => e.GetProperty("eventId").GetString()!);
        foreach (var logged in new[] { updated, registered })
        {
            var delivered = feed[logged.GetProperty("eventId").GetString()!];
            Assert.Equal(HeidebeekIsil, delivered.GetProperty("isil").GetString());
            Assert.Equal(RivierenzandIsil, delivered.GetProperty("currentIsil").GetString());
            Assert.NotEqual(member, delivered.GetProperty("subject").GetString());
        }
        Assert.Equal(LindendalIsil, feed[unmovedRegistered.GetProperty("eventId").GetString()!].GetProperty("isil").GetString());
        foreach (var e in feed.Values.Where(e => e.GetProperty("isil").GetString() != HeidebeekIsil))
            Assert.False(e.TryGetProperty("currentIsil", out _), $"an event of {e.GetProperty("isil")} carries a current ISIL: {e}");
        // Pushed after the merger, the update carries both ISILs in the pushed files as well.
        var pushed = await PushedAsync(pushFolder, updated.GetProperty("eventId").GetString()!);
        Assert.Equal(HeidebeekIsil, pushed.GetProperty("isil").GetString());
        Assert.Equal(RivierenzandIsil, pushed.GetProperty("currentIsil").GetString());
    }

    /// <summary>The event as the folder push wrote it, once it has.</summary>
    private static async Task<JsonElement> PushedAsync(string folder, string eventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
            {
                string text;
                try
                {
                    text = await File.ReadAllTextAsync(file);
                }
                catch (FileNotFoundException)
                {
                    continue; // the open file was renamed on rotation: read again
                }
                // Only complete lines: the publisher may be writing the last one.
                foreach (var line in text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var e = JsonDocument.Parse(line).RootElement;
                    if (e.GetProperty("eventId").GetString() == eventId) return e.Clone();
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Event {eventId} was not pushed to {folder}.");
            await Task.Delay(200);
        }
    }
}

public sealed class LibraryMergerEndToEndTests_on_Sqlite() : LibraryMergerEndToEndTests(TestBackend.Sqlite);

[Collection(PostgresConsolidationCollection.Name)]
public sealed class LibraryMergerEndToEndTests_on_Postgres() : LibraryMergerEndToEndTests(TestBackend.Postgres);
