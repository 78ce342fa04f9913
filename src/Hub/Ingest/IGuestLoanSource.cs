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
    /// <summary>The guest loans of <paramref name="holdingIds"/> lent by <paramref name="installationId"/>, and those that
    /// <paramref name="loanIds"/> name. MUST read through the page's connection and transaction, and on PostgreSQL MUST lock
    /// the loans it returns (a return through the hub may end one at the same moment).</summary>
    Task<GuestLoans> LoadAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string installationId,
        IReadOnlyCollection<string> holdingIds, IReadOnlyCollection<string> loanIds, CancellationToken cancellationToken);

    /// <summary>Records that the lending system reported the guest loans <paramref name="loanIds"/> returned (their loans rows
    /// say so already). MUST be idempotent.</summary>
    Task EndAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> loanIds, string endedAt,
        CancellationToken cancellationToken);
}
