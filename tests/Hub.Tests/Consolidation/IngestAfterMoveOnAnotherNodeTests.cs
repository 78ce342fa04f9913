using Lsb.Hub.Simulators.VSmart;
using Lsb.Hub.Tests.Consolidation.Support;
using Lsb.Hub.Tests.Infrastructure;
using static Lsb.Hub.Tests.Consolidation.Support.MoveWorld;

namespace Lsb.Hub.Tests.Consolidation;

/// <summary>
/// Ingest after a cut-over that another hub node carried out: this node is not told (no registry event) and its
/// registry refresh is an hour away, so the poller's worker keeps the installation as it was when it started. Each
/// page MUST still be read with the adapter of the installation as registered now — before, the worker took the
/// adapter cached before the move, which did not read the library that moved in. SQLite (one node) only: the other
/// node is played by the test, and with two real nodes an hour between registry refreshes would also stop the second
/// node from taking its share of the installations' leases.
/// </summary>
public abstract class IngestAfterMoveOnAnotherNodeTests(TestBackend backend)
    : MoveWorldTests(backend, new Dictionary<string, string?> { ["Ingest:RegistryRefresh"] = "01:00:00" })
{
    [Fact]
    public async Task When_a_library_moved_in_on_another_node_Should_read_it_from_the_next_page_not_the_next_registry_refresh()
    {
        // Lindendal's migrated copy waits in V-smart; V-smart is read (Rivierenzand's borrower arrives) but Lindendal is not yet its library.
        var copy = World.VSmartControl.AddCopy(VSmart, MigratedLindendal, new CopyDraft { Title = "De avonden", Barcode = "3000100000901", BranchCode = "LDL01" });
        var ria = World.VSmartControl.AddBorrower(VSmart, Rivierenzand, new BorrowerDraft { GivenName = "Ria", FamilyName = "Zandstra", CardNumber = "2000300000011", BranchCode = "RVZ01" });
        await World.ArrivedAsync(VSmart, "member", ria.BorrowerId);
        Assert.Null(await World.CanonicalIdAsync(VSmart, "holding", copy.ItemId));

        // The cut-over as another node commits it: the registry row changes in the database; this node hears nothing.
        await World.ScalarAsync<long>("UPDATE libraries SET installation_id = @VSmart, vendor_library_id = @MigratedLindendal WHERE isil = @LindendalIsil",
            new { VSmart, MigratedLindendal, LindendalIsil });

        var holding = await World.ArrivedAsync(VSmart, "holding", copy.ItemId);
        Assert.Equal(LindendalIsil, await World.ScalarAsync<string>("SELECT isil FROM holdings WHERE id = @holding", new { holding }));
    }
}

public sealed class IngestAfterMoveOnAnotherNodeTests_on_Sqlite() : IngestAfterMoveOnAnotherNodeTests(TestBackend.Sqlite);
