namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A copy as its record shows it at one revision.</summary>
internal sealed record CopySnapshot(string ItemId, string LibraryId, string BranchCode, string Barcode, string Status, string Policy, int CopyNumber);
