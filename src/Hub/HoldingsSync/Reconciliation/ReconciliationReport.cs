namespace Lsb.Hub.HoldingsSync.Reconciliation;

/// <summary>What a reconciliation of one library found and what it did about it.</summary>
/// <param name="Id">The reconciliation's id.</param>
/// <param name="Isil">The library.</param>
/// <param name="Target">The catalogue compared with.</param>
/// <param name="Kind"><c>Reconcile</c> (send the differences) or <c>Resync</c> (send every copy again).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When the comparison and the repair batch were done.</param>
/// <param name="HubCopies">Copies the hub holds for the library (not withdrawn).</param>
/// <param name="TargetCopies">Copies the catalogue reported holding.</param>
/// <param name="Missing">Copies the hub has and the catalogue lacks (repair: add).</param>
/// <param name="Surplus">Copies the catalogue holds and the hub does not (repair: delete).</param>
/// <param name="Differing">Copies both hold, described differently (repair: change).</param>
/// <param name="Unmatched">Hub copies the catalogue cannot hold (no identifier it matches on); listed, not sent.</param>
/// <param name="RepairBatchId">The batch carrying the repairs (null when nothing differed).</param>
/// <param name="Samples">Up to ten copies of each kind of difference.</param>
public sealed record ReconciliationReport(string Id, string Isil, SyncTargetKind Target, string Kind, DateTimeOffset StartedAt, DateTimeOffset FinishedAt,
    int HubCopies, int TargetCopies, int Missing, int Surplus, int Differing, int Unmatched, string? RepairBatchId, ReconciliationSamples Samples);

/// <summary>Examples of each kind of difference (copy id and barcode).</summary>
public sealed record ReconciliationSamples(IReadOnlyList<ReconciliationSample> Missing, IReadOnlyList<ReconciliationSample> Surplus,
    IReadOnlyList<ReconciliationSample> Differing);

/// <summary>One copy that differed.</summary>
public sealed record ReconciliationSample(string HoldingId, string? Barcode);
