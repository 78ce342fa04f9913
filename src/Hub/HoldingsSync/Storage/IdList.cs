using System.Data.Common;
using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.HoldingsSync.Storage;

/// <summary>Reads rows whose key is in a (possibly long) list of ids, in chunks, on SQLite and PostgreSQL alike.</summary>
public static class IdList
{
    private const int Chunk = 2000;

    /// <summary>
    /// Runs <paramref name="sql"/> once per chunk of <paramref name="ids"/>; the SQL MUST contain <c>{ids}</c> where the
    /// "column in list" predicate goes, e.g. <c>SELECT * FROM holdings WHERE {ids}</c>, and may use the extra
    /// <paramref name="parameters"/> (name → value).
    /// </summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, string sql,
        string column, IReadOnlyCollection<string> ids, CancellationToken cancellationToken, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(ids);
        var result = new List<T>(ids.Count);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql.Replace("{ids}", dialect.InList(column, "@ids"), StringComparison.Ordinal);
            dialect.AddList(command, "@ids", chunk);
            if (parameters is not null)
            {
                foreach (var (name, value) in parameters)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = name;
                    p.Value = value ?? DBNull.Value;
                    command.Parameters.Add(p);
                }
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var parser = reader.GetRowParser<T>();
            while (await reader.ReadAsync(cancellationToken)) result.Add(parser(reader));
        }
        return result;
    }
}
