namespace Lsb.Hub.Consolidation;

/// <summary>
/// A feature that takes part in re-homing a library (holdings synchronisation, interlibrary loan, …). Register with
/// <c>services.AddSingleton&lt;IMoveParticipant, …&gt;()</c>. Every method MUST be idempotent: a hub that stops in the
/// middle of a step runs the step again.
/// </summary>
public interface IMoveParticipant
{
    /// <summary>Adds what refuses the move (e.g. an IBL request in flight on a copy the map leaves out). MUST NOT change anything.</summary>
    Task ValidateAsync(MovePlan plan, ICollection<MoveProblem> problems, CancellationToken cancellationToken);

    /// <summary>Runs inside the cut-over transaction, after the library is bound to the target: re-route what the
    /// feature holds for the library. A failure rolls the cut-over back; it is tried again.</summary>
    Task CutOverAsync(MoveContext context, CancellationToken cancellationToken);

    /// <summary>Runs inside the transaction that ends the overlap (the source no longer reads the library).</summary>
    Task CompletedAsync(MoveContext context, CancellationToken cancellationToken);
}
