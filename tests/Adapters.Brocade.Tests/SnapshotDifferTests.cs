using Lsb.Hub.Adapters.Brocade.Exports;
using Lsb.Hub.Adapters.Brocade.Snapshots;
using Lsb.Hub.Simulators.Brocade;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>The snapshot differ on its own: its memory must not grow with the export (issue 6), which the benchmark measures
/// as peak RSS and this test as the bytes the diff allocates.</summary>
public sealed class SnapshotDifferTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_a_sorted_full_export_is_diffed_What_the_diff_allocates_should_not_grow_with_the_number_of_records()
    {
        var small = await AllocatedByDiffAsync(10_000);
        var large = await AllocatedByDiffAsync(40_000);
        // 30,000 more records: even one small object per record would add more than 700 KB.
        Assert.True(large - small < 256 * 1024, $"Diffing 10,000 records allocated {small:N0} bytes, 40,000 records {large:N0} bytes.");
    }

    /// <summary>Diffs night 1 of a synthetic holdings export (1 % changed) with night 0 and returns the bytes allocated meanwhile.</summary>
    private static async Task<long> AllocatedByDiffAsync(int records)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lsb-brocade-differ", Guid.NewGuid().ToString("N"));
        await using var simulator = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions
        {
            MembersPerLibrary = 0, CopiesPerLibrary = 0, LoansPerLibrary = 0, ExportFolder = Path.Combine(folder, "sim"),
        });
        var exports = Path.Combine(folder, "exports");
        try
        {
            simulator.Control.WriteSyntheticHoldingsExport(records, night: 0, folder: exports, number: 1);
            simulator.Control.WriteSyntheticHoldingsExport(records, night: 1, folder: exports, number: 2);
            var files = ExportFolderScanner.Scan(exports, "differ-test", "differ-test", exportKey: null);
            var (night0, night1) = (files[0], files[1]);
            string State(string name) => Path.Combine(folder, name);

            // Night 0 without a baseline (also warms up the pooled read buffer, so both measurements start alike).
            SnapshotDiffer.Diff(() => new MarcRecordSource(night0), night0.DataFile, null, State("0.chg"), State("0.snap"), folder, 48 << 20, Cancel);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = SnapshotDiffer.Diff(() => new MarcRecordSource(night1), night1.DataFile, State("0.snap"), State("1.chg"), State("1.snap"), folder, 48 << 20, Cancel);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(result.Sorted);
            Assert.InRange(result.Changes, records / 200, records / 50);
            return allocated;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
