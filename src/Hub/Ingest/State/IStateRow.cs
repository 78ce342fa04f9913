namespace Lsb.Hub.Ingest.State;

/// <summary>A row of a state table ingest writes (<c>members</c>, <c>holdings</c>, <c>loans</c>).</summary>
public interface IStateRow
{
    /// <summary>The values of the columns a secondary index of the table covers, in the order of the row type's
    /// <c>IndexedColumns</c>. When a change leaves them as stored, <see cref="StateWriter"/> updates the other columns
    /// only, and SQLite leaves those indexes alone.</summary>
    string?[] IndexedValues();
}
