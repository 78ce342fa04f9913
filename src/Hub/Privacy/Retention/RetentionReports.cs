using System.Data.Common;
using System.Globalization;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Privacy.Retention;

/// <summary>Reads the retention reports (<c>retention_runs</c>).</summary>
public sealed class RetentionReports(HubDatabase database)
{
    /// <summary>The most recent runs, newest first.</summary>
    public async Task<IReadOnlyList<RetentionRun>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadRunsAsync(connection, "SELECT * FROM retention_runs ORDER BY started_at DESC, id DESC LIMIT @limit", cancellationToken, ("limit", limit));
    }

    /// <summary>One run, or null.</summary>
    public async Task<RetentionRun?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadRunsAsync(connection, "SELECT * FROM retention_runs WHERE id = @id", cancellationToken, ("id", id))).FirstOrDefault();
    }

    private static async Task<List<RetentionRun>> ReadRunsAsync(DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var runs = new List<RetentionRun>();
        await using var command = SqlCommands.Create(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            long Long(string column) => Convert.ToInt64(reader[column], CultureInfo.InvariantCulture);
            runs.Add(new RetentionRun((string)reader["id"], Time((string)reader["started_at"]),
                reader["finished_at"] is string f ? Time(f) : null, Time((string)reader["cutoff"]), (string)reader["triggered_by"],
                (string)reader["status"], Long("loans_pseudonymised"), Long("loans_kept_by_consent"), Long("log_events_rewritten"),
                Long("waiting_events_expired"), reader["resumed_from"] as string, reader["error"] as string));
        }
        return runs;
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
