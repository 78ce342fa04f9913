namespace Lsb.Hub.Adapters.Changes;

/// <summary>A page of changes and the cursor to read the next page from.</summary>
/// <param name="Changes">The changes, oldest first.</param>
/// <param name="NextCursor">Where to continue; persisted by the hub only after the page is safely on the bus.</param>
/// <param name="HasMore">True when more changes are waiting right now (the hub polls again without delay).</param>
public sealed record ChangePage(IReadOnlyList<VendorChange> Changes, string NextCursor, bool HasMore);
