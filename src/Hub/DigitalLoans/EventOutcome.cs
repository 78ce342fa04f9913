namespace Lsb.Hub.DigitalLoans;

/// <summary>The answer for one event of a batch.</summary>
/// <param name="Index">Its position in the batch (0-based).</param>
/// <param name="EventId">Its event id (null if it had none).</param>
/// <param name="Outcome">Accepted, duplicate or rejected.</param>
/// <param name="State">For accepted events: applied, waiting (for its member or its start) or ignored.</param>
/// <param name="Reasons">For rejected events: every problem found, each saying what to send instead.</param>
public sealed record EventOutcome(int Index, string? EventId, EventOutcomeKind Outcome, IntakeState? State, IReadOnlyList<string>? Reasons);
