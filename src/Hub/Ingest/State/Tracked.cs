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
    /// <summary>The entity's row as the hub holds it (read from the database, or kept as the page before wrote it), for
    /// comparing with <see cref="Row"/> when it is written; null when the hub had no row for it.</summary>
    public TRow? StoredRow { get; init; }
    /// <summary>True when the hub held the entity's row (<see cref="StoredRow"/>).</summary>
    public bool Stored => StoredRow is not null;
    /// <summary>True when <see cref="Row"/> must be written.</summary>
    public bool Dirty { get; set; }
}
