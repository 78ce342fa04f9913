namespace Lsb.Hub.Consolidation;

/// <summary>One line of a migration map: the old local id in the source installation and the new one in the target.</summary>
/// <param name="Line">The line number in the CSV (1-based, counting header and comments), for reports.</param>
/// <param name="Entity">What the ids name.</param>
/// <param name="OldLocalId">The vendor id in the source installation.</param>
/// <param name="NewLocalId">The vendor id in the target installation.</param>
public sealed record MapEntry(int Line, MapEntity Entity, string OldLocalId, string NewLocalId);
