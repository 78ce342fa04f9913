using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Holdings;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Storage;
using Lsb.Hub.Installations;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ibl.Rota;

/// <summary>
/// Finds the lenders of a request in the union holdings index: copies of the same title (ISBN, PPN or OCLC number,
/// normalised as the index stores them), lendable for IBL, available, not withdrawn, not at the requesting library (nor
/// a branch of it), at a library that has not opted out and in a location it lends from. One entry per lending library (its best copy: preferred location
/// first), ordered by <see cref="RotaPolicy"/>, at most <see cref="IblRotaOptions.MaxLenders"/>; then the ISO 18626
/// peers that supply, as a last resort. An external requester's suggested suppliers replace the search.
/// </summary>
public sealed class LenderSourcing(HubDatabase database, HoldingsProjection projection, IblStore store, InstallationStore installations,
    IOptions<IblOptions> options)
{
    /// <summary>The lenders for <paramref name="request"/>.</summary>
    public async Task<SourcingResult> FindAsync(IblRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copies = await CopiesAsync(request, cancellationToken);
        var title = copies.FirstOrDefault()?.Title;
        var author = copies.FirstOrDefault()?.Author;
        if (!string.IsNullOrEmpty(request.SuggestedSuppliers))
            return new SourcingResult(await SuggestedAsync(request, copies, cancellationToken), title, author);
        var byLibrary = copies
            .Where(c => !IblLibraries.SameLibrary(c.Isil, request.RequestingAgency))
            .Where(c => !options.Value.Library(c.Isil).LendingOptOut)
            .Where(c => !Excluded(c))
            .GroupBy(c => c.Isil, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(Preference).ThenBy(c => c.Barcode, StringComparer.Ordinal).First())
            .ToList();
        var requester = await RequesterAsync(request, cancellationToken);
        var load = await store.LenderLoadAsync([.. byLibrary.Select(c => c.Isil)], cancellationToken);
        var ordered = RotaPolicy.Order(byLibrary, requester, load, request.Id, options.Value).Take(options.Value.Rota.MaxLenders);
        var lenders = ordered.Select(c => new LenderCandidate(c.Isil, LenderChannel.Adapter, c.InstallationId, c.Id, c.Barcode, c.LocalRecordId, c.Location)).ToList();
        foreach (var peer in options.Value.Iso18626.Peers.Where(p => p.Supplies && !IblLibraries.SameLibrary(p.AgencyId, request.RequestingAgency)))
            lenders.Add(new LenderCandidate(peer.AgencyId, LenderChannel.Iso18626, null, null, null, null, null));
        return new SourcingResult(lenders, title, author);
    }

    private async Task<List<LenderCandidate>> SuggestedAsync(IblRequest request, List<CopyRow> copies, CancellationToken cancellationToken)
    {
        var lenders = new List<LenderCandidate>();
        foreach (var agency in request.SuggestedSuppliers!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (options.Value.Iso18626.Peer(agency) is { } peer)
            {
                lenders.Add(new LenderCandidate(peer.AgencyId, LenderChannel.Iso18626, null, null, null, null, null));
                continue;
            }
            var copy = copies.Where(c => IblLibraries.SameLibrary(c.Isil, agency) && !Excluded(c)).OrderBy(Preference).FirstOrDefault();
            if (copy is not null && !options.Value.Library(copy.Isil).LendingOptOut)
                lenders.Add(new LenderCandidate(copy.Isil, LenderChannel.Adapter, copy.InstallationId, copy.Id, copy.Barcode, copy.LocalRecordId, copy.Location));
            else if (Isil.TryParse(agency, out var isil, out _) && await installations.FindLibraryAsync(isil, cancellationToken) is not null)
                lenders.Add(new LenderCandidate(agency, LenderChannel.Adapter, null, null, null, null, null, "no lendable copy available there"));
            else
                lenders.Add(new LenderCandidate(agency, LenderChannel.Iso18626, null, null, null, null, null, "unknown agency: neither a library the hub serves nor a configured ISO 18626 peer"));
        }
        return lenders;
    }

    /// <summary>
    /// The candidate copies: matched by title in the union holdings index (the normalised keys every reader uses, so an
    /// ISBN-10, a hyphenated ISBN or an OCLC number with a prefix finds the copy however its library wrote it), their
    /// lendability, status and withdrawal read from <c>holdings</c> as they are now. The index is a projection of the
    /// event log; it is first brought up to every commit made before this call, so a copy ingested before the request
    /// was placed is never missed (docs/ibl.md §5).
    /// </summary>
    private async Task<List<CopyRow>> CopiesAsync(IblRequest request, CancellationToken cancellationToken)
    {
        var title = HoldingSearchQuery.Of(request.Isbn, request.Ppn, request.OclcNumber);
        if (title.IsEmpty) return [];
        await projection.CatchUpToNowAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CopyRow>(new CommandDefinition($"""
            SELECT h.id, h.isil, h.installation_id, inst.owning_poi, h.barcode, h.local_record_id, h.location, h.title, h.author
            FROM holdings_index i JOIN holdings h ON h.id = i.holding_id LEFT JOIN installations inst ON inst.id = h.installation_id
            WHERE {HoldingSearch.MatchesTitle} AND h.withdrawn = @no AND h.ibl_lendable = @yes AND h.status = 'Available'
            ORDER BY h.id
            LIMIT 2000
            """, new { no = false, yes = true, isbn = title.Isbn, ppn = title.Ppn, oclc = title.Oclc }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private async Task<RotaPolicy.Requester> RequesterAsync(IblRequest request, CancellationToken cancellationToken)
    {
        string? installation = null;
        if (request.MemberId is not null)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            installation = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT installation_id FROM members WHERE id = @id", new { id = request.MemberId }, cancellationToken: cancellationToken));
        }
        string? poi = null;
        if (Isil.TryParse(request.RequestingAgency, out var isil, out _) && await installations.FindLibraryAsync(isil, cancellationToken) is { } found)
        {
            installation ??= found.Installation.Id;
            poi = found.Installation.OwningPoi;
        }
        else if (installation is not null && await installations.GetAsync(installation, cancellationToken) is { } own)
        {
            poi = own.OwningPoi;
        }
        var region = options.Value.Library(request.RequestingAgency).Region ?? poi;
        return new RotaPolicy.Requester(installation, region);
    }

    private bool Excluded(CopyRow copy)
        => copy.Location is { } location && options.Value.Library(copy.Isil).ExcludedLocations.Contains(location, StringComparer.OrdinalIgnoreCase);

    private int Preference(CopyRow copy)
    {
        var preferred = options.Value.Library(copy.Isil).PreferredLocations;
        var index = copy.Location is null ? -1 : preferred.FindIndex(l => string.Equals(l, copy.Location, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
