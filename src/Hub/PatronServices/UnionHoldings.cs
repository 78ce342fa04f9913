using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.PatronServices;

/// <summary>Finds copies by barcode across the union holdings (every installation), and their open loans. Barcodes are
/// unique within an installation at best: the same barcode can name copies of several installations.</summary>
public sealed class UnionHoldings(HubDatabase database)
{
    /// <summary>The copies (not withdrawn) with <paramref name="barcode"/>, of every registered installation.</summary>
    public async Task<IReadOnlyList<CopyCandidate>> FindAsync(string barcode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CopyCandidate>(new CommandDefinition(
            "SELECT h.id AS HoldingId, h.isil AS Isil, h.installation_id AS InstallationId, i.owning_poi AS OwningPoi, im.local_id AS LocalId, " +
            "h.barcode AS Barcode, h.title AS Title FROM holdings h JOIN installations i ON i.id = h.installation_id " +
            "LEFT JOIN id_map im ON im.canonical_id = h.id AND im.entity = 'holding' " +
            "WHERE h.barcode = @barcode AND NOT h.withdrawn ORDER BY h.isil, h.id",
            new { barcode = barcode.Trim() }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>True when the hub knows an open loan of the copy (from its ILS or a guest loan).</summary>
    public async Task<bool> IsOnLoanAsync(string holdingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM loans WHERE holding_id = @holdingId AND ended_at IS NULL", new { holdingId }, cancellationToken: cancellationToken)) > 0;
    }
}
