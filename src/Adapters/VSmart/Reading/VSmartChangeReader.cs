using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.VSmart.Http;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>
/// Reads one installation's changes after a <see cref="VSmartCursor"/>: the borrower feed, then each library's OAI-PMH
/// set, then the loan feed (so a loan's borrower and copy usually arrive first), until the page is full. Either the
/// whole page is read or an exception is thrown: a partial page is NEVER returned.
/// </summary>
internal sealed class VSmartChangeReader(VSmartConnection connection, HoldingsHarvester harvester, ChangeFeedReader feeds)
{
    public async Task<ChangePage> ReadAsync(string? cursorText, int maxChanges, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChanges, 1);
        var cursor = VSmartCursor.Parse(cursorText);
        var options = connection.Options;
        var changes = new List<VendorChange>(Math.Min(maxChanges, 4096));
        var (borrowers, more) = await feeds.ReadAsync(VSmartFeeds.Borrower, options.BorrowerChangesPath, "lener", "lenernummer", cursor.Borrowers,
            maxChanges, changes, cancellationToken);
        var libraries = new Dictionary<string, HarvestPosition>(cursor.Libraries, StringComparer.Ordinal);
        foreach (var library in connection.Installation.Libraries)
        {
            var id = library.VendorLibraryId;
            var position = libraries.GetValueOrDefault(id) ?? new HarvestPosition();
            var budget = maxChanges - changes.Count;
            if (budget == 0)
            {
                // The page is full: this library is looked at on the next read.
                more = true;
                continue;
            }
            var (next, libraryMore) = await harvester.ReadAsync(id, position, budget, changes, cancellationToken);
            libraries[id] = next;
            more |= libraryMore;
        }
        var loans = cursor.Loans;
        if (changes.Count < maxChanges)
        {
            (loans, var loansMore) = await feeds.ReadAsync(VSmartFeeds.Loan, options.LoanChangesPath, "uitlening", "id", cursor.Loans,
                maxChanges - changes.Count, changes, cancellationToken, otherRecord: "vreemdExemplaar");
            more |= loansMore;
        }
        else
        {
            more = true;
        }
        return new ChangePage(changes, new VSmartCursor { Libraries = libraries, Borrowers = borrowers, Loans = loans }.ToString(), more);
    }
}
