using Dapper;
using Lsb.Hub.Ibl.Model;

namespace Lsb.Hub.Ibl.Storage;

/// <summary>Worklists: a library's requests as borrower or lender.</summary>
public sealed partial class IblStore
{
    /// <summary>
    /// Requests of library <paramref name="isil"/> (and its branches) as borrower and/or lender, after <paramref name="after"/>
    /// in id order. Without <paramref name="states"/> only unfinished requests. Also the ids of requests with a step
    /// waiting for this library's staff.
    /// </summary>
    public async Task<(IReadOnlyList<IblRequest> Requests, IReadOnlySet<string> ManualFor)> WorklistAsync(string isil, bool asBorrower, bool asLender,
        IReadOnlyCollection<string>? states, string? after, int limit, CancellationToken cancellationToken)
    {
        var prefix = isil.Length >= 9 && isil.StartsWith("NL-", StringComparison.OrdinalIgnoreCase) ? isil[..9].ToUpperInvariant() : isil;
        var exact = prefix.Length != 9;
        string Match(string column) => exact ? $"{column} = @prefix" : $"substr({column}, 1, 9) = @prefix";
        var who = (asBorrower, asLender) switch
        {
            (true, true) => $"({Match("requesting_agency")} OR {Match("lender_agency")})",
            (true, false) => Match("requesting_agency"),
            _ => Match("lender_agency"),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var sql = $"SELECT * FROM ibl_requests WHERE {who} AND id > @after";
        if (states is { Count: > 0 }) sql += $" AND {database.Dialect.InList("state", "@states")}";
        else sql += " AND ended_at IS NULL";
        command.CommandText = sql + " ORDER BY id LIMIT @limit";
        Add(command, "prefix", prefix);
        Add(command, "after", after ?? "");
        Add(command, "limit", limit);
        if (states is { Count: > 0 }) database.Dialect.AddList(command, "@states", states);
        var requests = new List<IblRequest>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var parser = reader.GetRowParser<IblRequest>();
            while (await reader.ReadAsync(cancellationToken)) requests.Add(parser(reader));
        }
        var manual = new HashSet<string>(StringComparer.Ordinal);
        if (requests.Count > 0)
        {
            await using var steps = connection.CreateCommand();
            steps.CommandText = $"SELECT request_id FROM ibl_steps WHERE status IN ('Manual', 'Failed') AND {Match("agency")} AND {database.Dialect.InList("request_id", "@ids")}";
            Add(steps, "prefix", prefix);
            database.Dialect.AddList(steps, "@ids", [.. requests.Select(r => r.Id)]);
            await using var reader = await steps.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) manual.Add(reader.GetString(0));
        }
        return (requests, manual);
    }

    /// <summary>Every registered library's ISIL.</summary>
    public async Task<IReadOnlyList<string>> RegisteredLibrariesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT isil FROM libraries", cancellationToken: cancellationToken))];
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
