using System.Data.Common;

namespace Lsb.Hub.Ingest.State;

/// <summary>
/// Typed column reads for the state rows a page loads (<see cref="WorkingSet"/>). Reading by ordinal with typed getters
/// instead of Dapper's generated mapper (which boxes every value) took loading a page's rows from about a tenth of the
/// ingest benchmark's CPU to a small part of it.
/// </summary>
internal static class RowReading
{
    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // SQLite stores booleans as 0/1 integers, PostgreSQL as booleans.
    public static bool Bool(DbDataReader reader, int ordinal)
        => reader.GetFieldType(ordinal) == typeof(bool) ? reader.GetBoolean(ordinal) : reader.GetInt64(ordinal) != 0;

    /// <summary>The columns as a SELECT list with a table alias.</summary>
    public static string SelectList(string alias, IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"{alias}.{c}"));
}
