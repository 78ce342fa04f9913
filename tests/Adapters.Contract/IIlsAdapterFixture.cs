using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters.Contract;

/// <summary>
/// What <see cref="IlsAdapterContract{TFixture}"/> needs from a vendor: an adapter for an installation of its simulator,
/// and a way to change that simulator as library staff would, in neutral terms. Every change MUST show up in the
/// installation's feeds exactly as a real one would (no back doors into the adapter).
/// </summary>
public interface IIlsAdapterFixture
{
    /// <summary>The vendor under test.</summary>
    Vendor Vendor { get; }

    /// <summary>A new adapter for the simulator's installation (fresh circuit breaker, default options).</summary>
    IIlsAdapter CreateAdapter();

    /// <summary>Registers a new, active member with a PIN.</summary>
    Task<ContractMember> RegisterMemberAsync(CancellationToken cancellationToken);

    /// <summary>Adds a new, available copy that can be lent and held.</summary>
    Task<ContractCopy> AddCopyAsync(CancellationToken cancellationToken);

    /// <summary>Lends the copy to the member at the desk.</summary>
    Task LendAsync(ContractCopy copy, ContractMember member, CancellationToken cancellationToken);

    /// <summary>Takes the copy back at the desk.</summary>
    Task ReturnAsync(ContractCopy copy, CancellationToken cancellationToken);

    /// <summary>Deletes the member (who has no loans).</summary>
    Task DeleteMemberAsync(ContractMember member, CancellationToken cancellationToken);

    /// <summary>Withdraws the copy (which is not on loan).</summary>
    Task WithdrawCopyAsync(ContractCopy copy, CancellationToken cancellationToken);

    /// <summary>
    /// Makes loan changes carry a status code the mapping tables do not know, until the returned handle is disposed;
    /// null when the vendor's simulator cannot do that (the test is then skipped).
    /// </summary>
    Task<IAsyncDisposable?> EmitUnmappedLoanStatusAsync(CancellationToken cancellationToken);
}
