using System.Data.Common;
using System.Globalization;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Privacy.Erasure;

/// <summary>Reads the erasure audit (<c>erasures</c>, <c>erased_members</c>).</summary>
public sealed class ErasureAudit(HubDatabase database)
{
    /// <summary>The erasure that covered <paramref name="memberId"/>, or null.</summary>
    public async Task<ErasureReport?> FindAsync(string memberId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var reports = await ReadAsync(connection,
            "SELECT e.* FROM erased_members em JOIN erasures e ON e.id = em.erasure_id WHERE em.member_id = @m", cancellationToken, ("m", memberId));
        return reports.FirstOrDefault();
    }

    /// <summary>The most recent erasures (admin audit).</summary>
    public async Task<IReadOnlyList<ErasureReport>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, "SELECT * FROM erasures ORDER BY requested_at DESC, id DESC LIMIT @limit", cancellationToken, ("limit", limit));
    }

    private static async Task<List<ErasureReport>> ReadAsync(DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var reports = new List<ErasureReport>();
        await using var command = SqlCommands.Create(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            int Int(string column) => Convert.ToInt32(reader[column], CultureInfo.InvariantCulture);
            reports.Add(new ErasureReport(
                (string)reader["id"], (string)reader["member_id"], (string)reader["requested_by"],
                DateTimeOffset.Parse((string)reader["requested_at"], CultureInfo.InvariantCulture),
                reader["completed_at"] is string done ? DateTimeOffset.Parse(done, CultureInfo.InvariantCulture) : null,
                Int("memberships"), Int("loans_removed"), Int("waiting_events_removed"), Int("consent_records_removed"),
                Int("messages_scrubbed"), Int("messages_removed"), Convert.ToInt64(reader["last_position"], CultureInfo.InvariantCulture), false));
        }
        return reports;
    }
}
