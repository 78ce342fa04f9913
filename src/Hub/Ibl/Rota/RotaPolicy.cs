namespace Lsb.Hub.Ibl.Rota;

/// <summary>
/// Orders lending libraries by the rules of <see cref="IblRotaOptions.Order"/>: same installation as the borrower,
/// same region, fewest requests in hand. Ties are broken by a hash of request and library, so equal lenders share the
/// work instead of the first one in the alphabet getting it all, and the order of one request is stable.
/// </summary>
public static class RotaPolicy
{
    /// <summary>The borrower as the rules see it.</summary>
    /// <param name="InstallationId">Its installation, if it has one.</param>
    /// <param name="Region">Its region, if known.</param>
    public sealed record Requester(string? InstallationId, string? Region);

    internal static IEnumerable<CopyRow> Order(IEnumerable<CopyRow> lenders, Requester requester, IReadOnlyDictionary<string, long> load, string requestId, IblOptions options)
    {
        IOrderedEnumerable<CopyRow>? ordered = null;
        var source = lenders.ToList();
        foreach (var rule in options.Rota.Order)
        {
            Func<CopyRow, long> key = rule switch
            {
                RotaRule.SameInstallation => c => requester.InstallationId is not null && string.Equals(c.InstallationId, requester.InstallationId, StringComparison.Ordinal) ? 0 : 1,
                RotaRule.SameRegion => c => requester.Region is not null && string.Equals(options.Library(c.Isil).Region ?? c.OwningPoi, requester.Region, StringComparison.OrdinalIgnoreCase) ? 0 : 1,
                _ => c => load.TryGetValue(c.Isil, out var n) ? n : 0,
            };
            ordered = ordered is null ? source.OrderBy(key) : ordered.ThenBy(key);
        }
        return (ordered ?? source.OrderBy(_ => 0)).ThenBy(c => Tie(requestId, c.Isil));
    }

    /// <summary>FNV-1a of request and library: stable across processes (string.GetHashCode is not).</summary>
    private static ulong Tie(string requestId, string isil)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in requestId + "|" + isil.ToUpperInvariant())
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
