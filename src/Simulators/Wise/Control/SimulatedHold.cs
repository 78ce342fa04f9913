namespace Lsb.Hub.Simulators.Wise;

/// <summary>A hold as the control API shows it (for tests: for whom a hold was placed).</summary>
/// <param name="HoldId">The Wise hold id.</param>
/// <param name="LibraryId">The library organisation.</param>
/// <param name="PatronSystemId">For whom.</param>
/// <param name="TitleNumber">The title.</param>
/// <param name="ItemId">The copy, for an item-level hold.</param>
/// <param name="Status">OPEN or GEANNULEERD.</param>
/// <param name="ExternalReference">The caller's reference.</param>
public sealed record SimulatedHold(string HoldId, string LibraryId, string PatronSystemId, string TitleNumber, string? ItemId, string Status, string? ExternalReference);
