using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Simulators.Wise;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>The Wise simulator over real HTTP (small seed), the adapter wired through AddWiseAdapter(), and the
/// neutral contract operations carried out through the simulator's control API.</summary>
public sealed class WiseSimulatorFixture : IIlsAdapterFixture, IAsyncLifetime
{
    private const string Library = "5101";
    private readonly WiseAdapterHost _host = new();
    private WiseSimulatorHost? _simulator;

    public Vendor Vendor => Vendor.Wise;

    internal WiseSimulatorHost Simulator => _simulator ?? throw new InvalidOperationException("The simulator has not started.");

    private WiseInstallationAccess Access => Simulator.Installations[0];

    /// <summary>The main branch, whose ISIL is the library's.</summary>
    private string MainBranch => Access.Libraries.Single(l => l.LibraryId == Library).Branches[0].BranchId;

    private Isil LibraryIsil => Isil.Parse(Access.Libraries.Single(l => l.LibraryId == Library).Isil);

    public async ValueTask InitializeAsync()
        => _simulator = await WiseSimulator.StartAsync(new WiseSimulatorOptions { PatronsPerLibrary = 20, ItemsPerLibrary = 40, LoansPerLibrary = 10 });

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null) await _simulator.DisposeAsync();
        _host.Dispose();
    }

    public IIlsAdapter CreateAdapter() => _host.Create(Access);

    public Task<ContractMember> RegisterMemberAsync(CancellationToken cancellationToken)
    {
        var patron = Simulator.Control.AddPatron(Access.Name, Library, new PatronDraft { Status = "ACT", Category = "VOLW", BranchId = MainBranch });
        return Task.FromResult(new ContractMember(patron.PatronSystemId, patron.CardNumber, patron.Pin, LibraryIsil));
    }

    public Task<ContractCopy> AddCopyAsync(CancellationToken cancellationToken)
    {
        var copy = Simulator.Control.AddItem(Access.Name, Library, new ItemDraft { MaterialType = "BOEK", Status = "BES", BranchId = MainBranch });
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
        Simulator.Control.DeletePatron(Access.Name, member.LocalId);
        return Task.CompletedTask;
    }

    public Task WithdrawCopyAsync(ContractCopy copy, CancellationToken cancellationToken)
    {
        Simulator.Control.WithdrawItem(Access.Name, copy.LocalId);
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable?> EmitUnmappedLoanStatusAsync(CancellationToken cancellationToken)
    {
        Simulator.Control.EmitLoanStatus(Access.Name, "VERM");
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
