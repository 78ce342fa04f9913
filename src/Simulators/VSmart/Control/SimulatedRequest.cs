namespace Lsb.Hub.Simulators.VSmart;

/// <summary>An open request (reservering) as the control API shows it (for tests: for whom a copy was requested).</summary>
/// <param name="RequestId">The V-smart request id.</param>
/// <param name="LibraryId">The library.</param>
/// <param name="BorrowerId">For whom.</param>
/// <param name="CardNumber">Their card.</param>
/// <param name="TitleNumber">The title.</param>
/// <param name="ItemId">The copy, for an item-level request.</param>
/// <param name="ExternalReference">The requester's RequestId.</param>
public sealed record SimulatedRequest(string RequestId, string LibraryId, string BorrowerId, string CardNumber, string TitleNumber, string? ItemId, string? ExternalReference);
