namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A copy as the control API shows it.</summary>
/// <param name="CopyNumber">Exemplaarnummer: the stable id.</param>
/// <param name="Barcode">Barcode (SIP2 item identifier AB).</param>
/// <param name="TitleNumber">Titelnummer (for title-level holds).</param>
/// <param name="Title">Title.</param>
/// <param name="LibraryCode">Library.</param>
/// <param name="BranchCode">Branch.</param>
/// <param name="Status">Status code.</param>
public sealed record SimulatedCopy(string CopyNumber, string Barcode, string TitleNumber, string Title, string LibraryCode, string BranchCode, string Status);
