using System.Data.Common;
using System.Text.Json;
using NpgsqlTypes;

namespace Lsb.Hub.Storage;

/// <summary>The few places where SQLite and PostgreSQL SQL differ.</summary>
public sealed class SqlDialect
{
    private SqlDialect(bool postgres) => IsPostgres = postgres;

    /// <summary>SQLite.</summary>
    public static SqlDialect Sqlite { get; } = new(false);

    /// <summary>PostgreSQL.</summary>
    public static SqlDialect Postgres { get; } = new(true);

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres { get; }

    /// <summary>A predicate "<paramref name="column"/> is one of the list in <paramref name="parameter"/>";
    /// bind the list with <see cref="AddList"/>.</summary>
    public string InList(string column, string parameter)
        => IsPostgres ? $"{column} = ANY({parameter})" : $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>Binds a list of strings for <see cref="InList"/>.</summary>
    public void AddList(DbCommand command, string parameter, IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(command);
        var p = command.CreateParameter();
        p.ParameterName = parameter;
        if (IsPostgres)
        {
            p.Value = values.ToArray();
            if (p is Npgsql.NpgsqlParameter np) np.NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text;
        }
        else
        {
            p.Value = JsonSerializer.Serialize(values);
        }
        command.Parameters.Add(p);
    }

    /// <summary>Replaces the type tokens of a schema script.</summary>
    public string Expand(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script
            .Replace("{{POSITION_PK}}", IsPostgres ? "BIGINT PRIMARY KEY" : "INTEGER PRIMARY KEY", StringComparison.Ordinal)
            .Replace("{{BOOL}}", IsPostgres ? "BOOLEAN" : "INTEGER", StringComparison.Ordinal);
    }
}
