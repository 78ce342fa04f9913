using Dapper;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Holdings;

/// <summary>
/// Looks copies up in the union holdings index: every library's copies of a title, matched on any of the identifiers
/// given (ISBN-13, PPN, OCLC number, each normalised), withdrawn copies left out, ordered by canonical id for keyset
/// paging. The index follows the event log closely but not transactionally (see docs/holdings-sync.md).
/// </summary>
public sealed class HoldingSearch(HubDatabase database)
{
    /// <summary>
    /// The condition "index row <c>i</c> is a copy of the title", with parameters <c>@isbn</c>, <c>@ppn</c>, <c>@oclc</c>
    /// from a <see cref="HoldingSearchQuery"/>. Every reader that finds copies by title (this search, IBL sourcing) MUST
    /// match through it, so all of them find the same copies for the same spelling.
    /// </summary>
    public const string MatchesTitle = "(i.isbn13 = @isbn OR i.ppn = @ppn OR i.oclc_number = @oclc)";

    /// <summary>One page of copies after <paramref name="after"/>.</summary>
    public async Task<HoldingSearchPage> FindAsync(HoldingSearchQuery query, bool? iblLendable, bool? available, string? after, int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = "SELECT h.* FROM holdings_index i JOIN holdings h ON h.id = i.holding_id " +
                  "WHERE i.withdrawn = @no AND " + MatchesTitle + " AND i.holding_id > @after" +
                  (iblLendable is { } lendable ? " AND h.ibl_lendable = @lendable" : "") +
                  (available is { } a ? (a ? " AND h.status = 'Available'" : " AND h.status <> 'Available'") : "") +
                  " ORDER BY i.holding_id LIMIT @take";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<HoldingRow>(new CommandDefinition(sql, new
        {
            no = false, isbn = query.Isbn, ppn = query.Ppn, oclc = query.Oclc, after = after ?? "", lendable = iblLendable ?? false, take = limit + 1,
        }, cancellationToken: cancellationToken))).ToList();
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new HoldingSearchPage(query, [.. rows.Select(HoldingEndpoints.ToView)], more ? rows[^1].Id : null);
    }
}
