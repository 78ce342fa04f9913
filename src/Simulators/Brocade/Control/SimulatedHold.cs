namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A hold as the control API shows it (for tests: for whom a hold was placed).</summary>
/// <param name="MemberNumber">For whom (lenersnummer).</param>
/// <param name="CardNumber">Their card.</param>
/// <param name="Barcode">The copy, for a hold on a copy.</param>
/// <param name="TitleNumber">The title.</param>
/// <param name="Cancelled">True once cancelled (or fulfilled by a check-out).</param>
/// <param name="Requests">How many SIP2 hold requests asked for it: 1, plus each repeat answered "already held" while it was open
/// (SIP2 carries no idempotency key, so a test sees here whether a client placed the same hold twice).</param>
public sealed record SimulatedHold(string MemberNumber, string CardNumber, string? Barcode, string TitleNumber, bool Cancelled, int Requests = 1);
