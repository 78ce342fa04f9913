using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest.State;

/// <summary>
/// The canonical fields of a row type, in the order they are hashed and named: one list serves the row's content hash
/// (<see cref="ContentHash"/>, whose values must never change) and the names of the fields an update changed, without an
/// iterator per row.
/// </summary>
internal sealed class CanonicalFields<TRow>((string Field, Func<TRow, string?> Value)[] fields)
{
    /// <summary>The content hash of <paramref name="row"/>.</summary>
    public long Hash(TRow row)
    {
        var hash = new ContentHash();
        foreach (var (_, value) in fields) hash.Add(value(row));
        return hash.Value;
    }

    /// <summary>The names of the fields whose values differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public List<string> Changed(TRow before, TRow after)
    {
        var changed = new List<string>();
        foreach (var (field, value) in fields)
        {
            if (!string.Equals(value(before), value(after), StringComparison.Ordinal)) changed.Add(field);
        }
        return changed;
    }
}
