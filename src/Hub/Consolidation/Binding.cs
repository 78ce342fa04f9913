namespace Lsb.Hub.Consolidation;

/// <summary>One map line resolved: the target's new local id will name this canonical entity.</summary>
/// <param name="Entity">The id-map entity (member, holding, loan).</param>
/// <param name="OldLocalId">The source's local id.</param>
/// <param name="NewLocalId">The target's local id.</param>
/// <param name="CanonicalId">The canonical id it keeps.</param>
public sealed record Binding(string Entity, string OldLocalId, string NewLocalId, string CanonicalId);
