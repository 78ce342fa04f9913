using System.Globalization;
using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.PatronServices.Returns;

/// <summary>Reads returns (<c>copy_returns</c>) as <see cref="CopyReturnView"/>s.</summary>
public static class ReturnViews
{
    private const string Select =
        "SELECT r.id AS Id, r.holding_id AS HoldingId, h.barcode AS Barcode, r.owning_isil AS OwningIsil, r.returning_isil AS ReturningIsil, " +
        "r.owner_check_in AS OwnerCheckIn, r.state AS State, r.returned_at AS ReturnedAt, r.received_at AS ReceivedAt " +
        "FROM copy_returns r LEFT JOIN holdings h ON h.id = r.holding_id ";

    /// <summary>The return <paramref name="id"/>, or null.</summary>
    public static async Task<CopyReturnView?> GetAsync(HubDatabase database, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + "WHERE r.id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToView();
    }

    /// <summary>The returns on their way to <paramref name="owningIsil"/> (oldest first, at most <paramref name="limit"/>).</summary>
    public static async Task<IReadOnlyList<CopyReturnView>> InTransitToAsync(HubDatabase database, string owningIsil, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + "WHERE r.owning_isil = @owningIsil AND r.state = @state ORDER BY r.returned_at LIMIT @limit",
            new { owningIsil, state = ReturnStates.InTransit, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToView())];
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string HoldingId { get; set; } = "";
        public string? Barcode { get; set; }
        public string OwningIsil { get; set; } = "";
        public string ReturningIsil { get; set; } = "";
        public string OwnerCheckIn { get; set; } = "";
        public string State { get; set; } = "";
        public string ReturnedAt { get; set; } = "";
        public string? ReceivedAt { get; set; }

        public CopyReturnView ToView() => new(Id, HoldingId, Barcode ?? "", OwningIsil, ReturningIsil, OwnerCheckIn, [], State,
            DateTimeOffset.Parse(ReturnedAt, CultureInfo.InvariantCulture), ReceivedAt is null ? null : DateTimeOffset.Parse(ReceivedAt, CultureInfo.InvariantCulture));
    }
}
