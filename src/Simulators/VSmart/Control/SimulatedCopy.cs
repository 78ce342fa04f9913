namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A copy as the control API shows it.</summary>
/// <param name="ItemId">V-smart's item id (876 $a).</param>
/// <param name="LibraryId">Owning library code (852 $a).</param>
/// <param name="BranchCode">Branch code (852 $b).</param>
/// <param name="Barcode">Barcode (876 $p).</param>
/// <param name="TitleNumber">The title record (001), also the NCIP bibliographic record id.</param>
/// <param name="Title">Title.</param>
/// <param name="Status">Status code (876 $j).</param>
/// <param name="Withdrawn">Withdrawn (kept in the record with status WD).</param>
/// <param name="Temporary">A temporary copy made by NCIP AcceptItem.</param>
public sealed record SimulatedCopy(string ItemId, string LibraryId, string BranchCode, string Barcode, string TitleNumber, string Title, string Status,
    bool Withdrawn, bool Temporary);
