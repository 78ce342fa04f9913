using System.Data.Common;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest;

/// <summary>
/// The hub's guest loans as ingest needs them (patron services, docs/patron-services.md). To lend a copy to a member of
/// another library the hub checks it out to a guest account in the lending system; that system's feed then reports a loan
/// of the account, which is the guest loan and NEVER a second loan.
/// </summary>
public interface IGuestLoanSource
{
    /// <summary>The guest loans of <paramref name="holdingIds"/> lent by <paramref name="installationId"/>, those that
    /// <paramref name="loanIds"/> name, and the members outside <paramref name="installationId"/> with <paramref name="guestCards"/>
    /// (cards noted on loans to guest accounts). MUST read through the page's connection and transaction, and on PostgreSQL
    /// MUST lock the loans it returns (a return through the hub may end one at the same moment).</summary>
    Task<GuestLoans> LoadAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string installationId,
        IReadOnlyCollection<string> holdingIds, IReadOnlyCollection<string> loanIds, IReadOnlyCollection<string> guestCards,
        CancellationToken cancellationToken);

    /// <summary>Writes what the page did to guest loans, after its loans rows: the guest loans made at the lending desk
    /// (<see cref="GuestLoans.Recorded"/>), then those the lending system reported returned (<see cref="GuestLoans.Ended"/>).
    /// MUST be idempotent.</summary>
    Task WriteAsync(DbConnection connection, DbTransaction transaction, string installationId, GuestLoans guestLoans, string now,
        CancellationToken cancellationToken);
}
