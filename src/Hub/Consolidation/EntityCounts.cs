namespace Lsb.Hub.Consolidation;

/// <summary>What a dry run found for one kind of entity.</summary>
/// <param name="InMap">Lines of the map for this entity.</param>
/// <param name="InHub">The library's entities of this kind the hub knows from the source installation.</param>
/// <param name="Matched">Map lines whose old id is one of them (these keep their canonical id).</param>
/// <param name="NotInMap">The hub's entities the map does not mention.</param>
/// <param name="UnknownOldIds">Map lines whose old id the hub does not know for this library.</param>
/// <param name="Conflicts">Duplicates and new ids already taken in the target.</param>
public sealed record EntityCounts(int InMap, int InHub, int Matched, int NotInMap, int UnknownOldIds, int Conflicts);
