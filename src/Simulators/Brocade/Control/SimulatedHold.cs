namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A hold as the control API shows it (for tests: for whom a hold was placed).</summary>
/// <param name="MemberNumber">For whom (lenersnummer).</param>
/// <param name="CardNumber">Their card.</param>
/// <param name="Barcode">The copy, for a hold on a copy.</param>
/// <param name="TitleNumber">The title.</param>
/// <param name="Cancelled">True once cancelled (or fulfilled by a check-out).</param>
public sealed record SimulatedHold(string MemberNumber, string CardNumber, string? Barcode, string TitleNumber, bool Cancelled);
