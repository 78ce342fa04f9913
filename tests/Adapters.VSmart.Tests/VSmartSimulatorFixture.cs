using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Simulators.VSmart;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>The V-smart simulator over real HTTP (small seed), the adapter wired through AddVSmartAdapter(), and the
/// neutral contract operations carried out through the simulator's control API.</summary>
public sealed class VSmartSimulatorFixture : IIlsAdapterFixture, IAsyncLifetime
{
    public const string Library = "DRD";
    private const string MainBranch = "DRD01";
    private readonly VSmartAdapterHost _host = new();
    private VSmartSimulatorHost? _simulator;

    public Vendor Vendor => Vendor.VSmart;

    internal VSmartSimulatorHost Simulator => _simulator ?? throw new InvalidOperationException("The simulator has not started.");

    internal VSmartInstallationAccess Access => Simulator.Installations[0];

    internal VSmartAdapterHost Host => _host;

    private Isil LibraryIsil => Isil.Parse(Access.Libraries.Single(l => l.LibraryId == Library).Isil);

    public async ValueTask InitializeAsync()
        => _simulator = await VSmartSimulator.StartAsync(new VSmartSimulatorOptions { BorrowersPerLibrary = 20, CopiesPerLibrary = 40, LoansPerLibrary = 10, OaiPageSize = 25 });

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null) await _simulator.DisposeAsync();
        _host.Dispose();
    }

    public IIlsAdapter CreateAdapter() => _host.Create(Access);

    public Task<ContractMember> RegisterMemberAsync(CancellationToken cancellationToken)
    {
        var borrower = Simulator.Control.AddBorrower(Access.Name, Library, new BorrowerDraft { Status = "OK", Category = "01", BranchCode = MainBranch });
        return Task.FromResult(new ContractMember(borrower.BorrowerId, borrower.CardNumber, borrower.Pin, LibraryIsil));
    }

    public Task<ContractCopy> AddCopyAsync(CancellationToken cancellationToken)
    {
        var copy = Simulator.Control.AddCopy(Access.Name, Library, new CopyDraft { MaterialCode = "BK", Status = "AV", BranchCode = MainBranch, Policy = "IBL" });
        return Task.FromResult(new ContractCopy(copy.ItemId, copy.Barcode, copy.TitleNumber, LibraryIsil));
    }

    public Task LendAsync(ContractCopy copy, ContractMember member, CancellationToken cancellationToken)
    {
        Simulator.Control.CheckOut(Access.Name, copy.LocalId, member.LocalId);
        return Task.CompletedTask;
    }

    public Task ReturnAsync(ContractCopy copy, CancellationToken cancellationToken)
    {
        Simulator.Control.Return(Access.Name, copy.LocalId);
        return Task.CompletedTask;
    }

    public Task DeleteMemberAsync(ContractMember member, CancellationToken cancellationToken)
    {
        Simulator.Control.DeleteBorrower(Access.Name, member.LocalId);
        return Task.CompletedTask;
    }

    public Task WithdrawCopyAsync(ContractCopy copy, CancellationToken cancellationToken)
    {
        Simulator.Control.WithdrawCopy(Access.Name, copy.LocalId);
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable?> EmitUnmappedLoanStatusAsync(CancellationToken cancellationToken)
    {
        Simulator.Control.EmitLoanStatus(Access.Name, "VM");
        return Task.FromResult<IAsyncDisposable?>(new StopEmitting(() => Simulator.Control.EmitLoanStatus(Access.Name, null)));
    }

    private sealed class StopEmitting(Action stop) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            stop();
            return ValueTask.CompletedTask;
        }
    }
}
