using System.Data.Common;

namespace Lsb.Hub.CustomerView;

/// <summary>Small helpers for the hand-written SQL of the customer view, digital loans and privacy features: commands
/// with scalar and list parameters (<see cref="Storage.SqlDialect.InList"/>), and values that differ per provider.</summary>
public static class SqlCommands
{
    /// <summary>A command on <paramref name="connection"/> in <paramref name="transaction"/> with named parameters.</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <summary>A boolean column (SQLite stores 0/1, PostgreSQL a boolean).</summary>
    public static bool Bool(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetValue(ordinal) switch
        {
            bool b => b,
            long l => l != 0,
            int i => i != 0,
            var other => Convert.ToBoolean(other, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A nullable text column.</summary>
    public static string? Text(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
