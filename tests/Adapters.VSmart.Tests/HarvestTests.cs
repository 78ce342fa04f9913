using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Simulators.VSmart;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>
/// Harvesting the simulator's OAI-PMH sets the way the hub does: page by page, persisting only the cursor. A new adapter
/// per page stands for a hub that was restarted after every page (nothing survives but the cursor).
/// </summary>
public sealed class HarvestTests : IAsyncLifetime
{
    private readonly VSmartAdapterHost _host = new();
    private VSmartSimulatorHost _simulator = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private VSmartInstallationAccess Access => _simulator.Installations[0];

    public async ValueTask InitializeAsync()
        => _simulator = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 5, CopiesPerLibrary = 60, LoansPerLibrary = 5, OaiPageSize = 7 });

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _host.Dispose();
    }

    /// <summary>Reads to the end with a fresh adapter per page, applying changes as the hub does (newest version per copy wins).</summary>
    private async Task<(Dictionary<string, HoldingSnapshot> Live, List<VendorChange> Changes, string? Cursor)> HarvestAsync(string? cursor, int pageSize,
        Action<int>? afterPage = null)
    {
        var live = new Dictionary<string, HoldingSnapshot>(StringComparer.Ordinal);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var all = new List<VendorChange>();
        for (var page = 0; page < 10_000; page++)
        {
            var adapter = _host.Create(Access);
            var read = await adapter.ReadChangesAsync(cursor, pageSize, Cancel);
            Assert.True(read.Changes.Count <= pageSize);
            all.AddRange(read.Changes);
            foreach (var change in read.Changes.Where(c => c.Feed == "holding"))
            {
                if (versions.TryGetValue(change.LocalId, out var seen) && seen >= change.SourceVersion) continue;
                versions[change.LocalId] = change.SourceVersion;
                if (adapter.Translate(change) is HoldingSnapshot snapshot) live[change.LocalId] = snapshot;
                else live.Remove(change.LocalId);
            }
            cursor = read.NextCursor;
            afterPage?.Invoke(page);
            if (!read.HasMore) return (live, all, cursor);
        }
        throw new InvalidOperationException("The harvest did not end.");
    }

    [Fact]
    public async Task When_every_page_is_read_by_a_restarted_adapter_Should_yield_exactly_the_simulators_copies()
    {
        var (live, changes, _) = await HarvestAsync(null, 5);
        var expected = _simulator.Control.CollectionCopies(Access.Name).Select(c => c.ItemId).Order(StringComparer.Ordinal);
        Assert.Equal(expected, live.Keys.Order(StringComparer.Ordinal));
        var holdingEvents = changes.Where(c => c.Feed == "holding").Select(c => c.SourceEventId).ToList();
        Assert.Equal(holdingEvents.Count, holdingEvents.Distinct().Count());
    }

    [Fact]
    public async Task When_records_change_and_copies_are_withdrawn_mid_harvest_Should_end_with_the_newest_state_and_lose_nothing()
    {
        var control = _simulator.Control;
        var first = control.CollectionCopies(Access.Name).Take(6).ToList();
        var (live, _, cursor) = await HarvestAsync(null, 4, page =>
        {
            if (page == 2) control.SetCopyStatus(Access.Name, first[0].ItemId, "MI");
            if (page == 3) control.WithdrawCopy(Access.Name, first[1].ItemId);
            if (page == 4) control.AddCopy(Access.Name, "VNH", new CopyDraft { Title = "Midden in de oogst" });
        });
        var (more, _, _) = await HarvestAsync(cursor, 4);
        foreach (var (id, snapshot) in more) live[id] = snapshot;
        foreach (var gone in more.Keys.Except(control.CollectionCopies(Access.Name).Select(c => c.ItemId))) live.Remove(gone);
        live.Remove(first[1].ItemId);
        Assert.Equal(control.CollectionCopies(Access.Name).Select(c => c.ItemId).Order(StringComparer.Ordinal), live.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Canonical.Holdings.HoldingStatus.Missing, live[first[0].ItemId].Status);
        Assert.Contains(live.Values, h => h.Title == "Midden in de oogst");
    }

    [Fact]
    public async Task When_a_copy_is_withdrawn_after_a_full_harvest_The_next_harvest_should_report_it_gone()
    {
        var (_, _, cursor) = await HarvestAsync(null, 50);
        var copy = _simulator.Control.CollectionCopies(Access.Name).First(c => c.Status == "AV");
        _simulator.Control.WithdrawCopy(Access.Name, copy.ItemId);
        var adapter = _host.Create(Access);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 50, Cancel);
        var gone = Assert.Single(changes.Select(adapter.Translate).OfType<HoldingGone>(), g => g.LocalId == copy.ItemId);
        Assert.Equal(Canonical.Identity.Isil.Parse(Access.Libraries.Single(l => l.LibraryId == copy.LibraryId).Branches.Single(b => b.BranchCode == copy.BranchCode).Isil), gone.Isil);
    }

    [Fact]
    public async Task When_the_desk_takes_in_a_barcode_V_smart_does_not_know_The_next_read_should_report_a_foreign_copy_returned_at_that_library()
    {
        var (_, _, cursor) = await HarvestAsync(null, 50);
        var library = Access.Libraries[0];
        Assert.Null(_simulator.Control.TakeInAtDesk(Access.Name, library.LibraryId, "9990000000002"));
        var adapter = _host.Create(Access);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 50, Cancel);
        var change = Assert.Single(changes);
        var returned = Assert.IsType<ForeignCopyReturned>(adapter.Translate(change));
        Assert.Equal("9990000000002", returned.Barcode);
        Assert.Equal(library.Isil, returned.ReturningIsil.Value);
        Assert.Equal(change.SourceEventId, returned.SourceEventId);
    }

    [Fact]
    public async Task When_a_title_without_copies_is_deleted_The_harvest_should_pass_its_deleted_header_without_a_change()
    {
        var (_, _, cursor) = await HarvestAsync(null, 50);
        var title = _simulator.Control.AddTitle(Access.Name, "Verkeerd ingevoerd");
        _simulator.Control.DeleteTitle(Access.Name, title);
        var marker = _simulator.Control.AddCopy(Access.Name, "DRD", new CopyDraft { Title = "Na de verwijdering" });
        var (changes, _) = await ChangeFeed.ReadToEndAsync(_host.Create(Access), cursor, 50, Cancel);
        Assert.Equal([marker.ItemId], changes.Where(c => c.Feed == "holding").Select(c => c.LocalId));
    }

    [Fact]
    public async Task When_a_copy_has_a_status_code_the_tables_lack_Translate_should_name_mappings_vsmart_item_status_csv_and_the_code()
    {
        var (_, _, cursor) = await HarvestAsync(null, 50);
        var copy = _simulator.Control.CollectionCopies(Access.Name).First();
        _simulator.Control.SetCopyStatus(Access.Name, copy.ItemId, "ZQ");
        var adapter = _host.Create(Access);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 50, Cancel);
        var change = Assert.Single(changes, c => c.LocalId == copy.ItemId);
        var e = Assert.Throws<MappingMissingException>(() => adapter.Translate(change));
        Assert.Equal(("mappings/vsmart/item-status.csv", "ZQ"), (e.MappingFile, e.Value));
        Assert.Contains("add it to mappings/vsmart/item-status.csv and replay the message", e.Message, StringComparison.Ordinal);
    }
}
