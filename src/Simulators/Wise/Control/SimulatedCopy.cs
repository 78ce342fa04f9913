namespace Lsb.Hub.Simulators.Wise;

/// <summary>A copy as the control API shows it.</summary>
/// <param name="ItemId">The Wise item id (exemplaarId).</param>
/// <param name="LibraryId">The owning library organisation.</param>
/// <param name="BranchId">Branch.</param>
/// <param name="Barcode">Barcode (exemplaarnummer).</param>
/// <param name="TitleNumber">Title number (titelnummer), used by holds.</param>
/// <param name="Title">Title.</param>
/// <param name="Status">Item status code.</param>
/// <param name="Temporary">True for a temporary copy created for an interlibrary loan.</param>
public sealed record SimulatedCopy(string ItemId, string LibraryId, string BranchId, string Barcode, string TitleNumber,
    string Title, string Status, bool Temporary);
