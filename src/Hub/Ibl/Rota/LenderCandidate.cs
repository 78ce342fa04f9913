using Lsb.Hub.Ibl.Model;

namespace Lsb.Hub.Ibl.Rota;

/// <summary>A lender sourcing found (or was told of), with the copy it would lend.</summary>
/// <param name="Agency">A Dutch ISIL or an external agency id.</param>
/// <param name="Channel">How the hub reaches it.</param>
/// <param name="InstallationId">Dutch lenders: the installation holding the copy.</param>
/// <param name="HoldingId">The copy (canonical id), when one was chosen.</param>
/// <param name="Barcode">The copy's barcode.</param>
/// <param name="LocalRecordId">The title's record id at the lender (for a title-level hold).</param>
/// <param name="Location">The copy's location.</param>
/// <param name="SkipReason">When set, the entry is recorded as skipped for this reason and never asked.</param>
public sealed record LenderCandidate(string Agency, LenderChannel Channel, string? InstallationId, string? HoldingId, string? Barcode,
    string? LocalRecordId, string? Location, string? SkipReason = null);
