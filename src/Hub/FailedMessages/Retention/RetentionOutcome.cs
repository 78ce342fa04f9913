namespace Lsb.Hub.FailedMessages.Retention;

/// <summary>What one retention run removed.</summary>
/// <param name="Archived">Archived messages deleted.</param>
/// <param name="Resolved">Resolved records deleted.</param>
/// <param name="Operations">Finished operations (with their item lists) deleted.</param>
public sealed record RetentionOutcome(int Archived, int Resolved, int Operations);
