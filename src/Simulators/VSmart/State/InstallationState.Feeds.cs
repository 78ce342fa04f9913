namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>The borrower and loan change feeds of the web services: entries after a change number.</summary>
internal sealed partial class InstallationState
{
    public (IReadOnlyList<FeedEntry<BorrowerRecord>> Entries, long Last) ReadBorrowerFeed(long after, int max)
    {
        lock (_gate) return (Slice(_borrowerFeed, after, max), _borrowerFeed.Count);
    }

    public (IReadOnlyList<FeedEntry<LoanRecord>> Entries, long Last) ReadLoanFeed(long after, int max)
    {
        lock (_gate) return (Slice(_loanFeed, after, max), _loanFeed.Count);
    }

    private static List<FeedEntry<T>> Slice<T>(List<FeedEntry<T>> feed, long after, int max)
    {
        var start = (int)Math.Clamp(after, 0, feed.Count);
        return feed.GetRange(start, Math.Min(max, feed.Count - start));
    }
}
