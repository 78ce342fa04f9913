namespace Lsb.Hub.Ingest.State;

/// <summary>An entity the current ingest transaction works on: its canonical id, whether its id-map entry exists
/// already, its row as stored (null when the hub has no state for it yet) and whether the row must be written.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class Tracked<TRow> where TRow : class
{
    /// <summary>The canonical id (existing, or reserved now).</summary>
    public required string CanonicalId { get; init; }
    /// <summary>True when the id-map entry is already stored; false when this transaction must insert it.</summary>
    public required bool Mapped { get; set; }
    /// <summary>The row, as stored or as changed in this transaction.</summary>
    public TRow? Row { get; set; }
    /// <summary>For an id-map entry a library move made (Consolidation): from when the entry names the entity (the
    /// move's cut-over, ISO 8601); null for entries made by ingest.</summary>
    public string? BoundAt { get; init; }
    /// <summary>The row's <see cref="IStateRow.IndexedValues"/> as read from the database; null for a row the hub does not
    /// hold yet (or one not read by ingest). A copy, not the row: ingest may change the stored row in place.</summary>
    public string?[]? StoredIndexedValues { get; init; }
    /// <summary>True when <see cref="Row"/> must be written.</summary>
    public bool Dirty { get; set; }
}
