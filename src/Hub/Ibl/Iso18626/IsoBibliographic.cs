namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>What an ISO 18626 request says about the title.</summary>
/// <param name="Title">Title.</param>
/// <param name="Author">Author.</param>
/// <param name="Isbn">ISBN (bibliographicItemId, code ISBN).</param>
/// <param name="Ppn">PPN of the Dutch union catalogue (bibliographicRecordId, code PPN).</param>
/// <param name="OclcNumber">OCLC number (bibliographicRecordId, code OCLC).</param>
/// <param name="SupplierRecordId">The supplier's own record id (supplierUniqueRecordId).</param>
public sealed record IsoBibliographic(string? Title, string? Author, string? Isbn, string? Ppn, string? OclcNumber, string? SupplierRecordId);
