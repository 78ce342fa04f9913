using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Installations;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>The Brocade simulator over real TCP (small seed) writing a delta export after every change, the adapter wired
/// through AddBrocadeAdapter(), and the neutral contract operations carried out through the simulator's control API.</summary>
public sealed class BrocadeSimulatorFixture : IIlsAdapterFixture, IAsyncLifetime
{
    private const string Library = "DRB";
    private const string Branch = "DRB01";
    private readonly BrocadeAdapterHost _host = new();
    private BrocadeSimulatorHost? _simulator;

    public Vendor Vendor => Vendor.Brocade;

    internal BrocadeSimulatorHost Simulator => _simulator ?? throw new InvalidOperationException("The simulator has not started.");

    internal BrocadeAdapterHost Host => _host;

    private static Isil LibraryIsil => Isil.Parse("NL-0853010000");

    public async ValueTask InitializeAsync()
        => _simulator = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions
        {
            MembersPerLibrary = 10, CopiesPerLibrary = 20, LoansPerLibrary = 5, ExportAfterEveryChange = true,
        });

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null) await _simulator.DisposeAsync();
        _host.Dispose();
    }

    public IIlsAdapter CreateAdapter() => _host.Create(Simulator.Installation);

    public Task<ContractMember> RegisterMemberAsync(CancellationToken cancellationToken)
    {
        var m = Simulator.Control.AddMember(new MemberDraft { LibraryCode = Library, BranchCode = Branch, Status = "A", Category = "V" });
        return Task.FromResult(new ContractMember(m.MemberNumber, m.CardNumber, m.Pin, LibraryIsil));
    }

    public Task<ContractCopy> AddCopyAsync(CancellationToken cancellationToken)
    {
        var c = Simulator.Control.AddCopy(new CopyDraft { LibraryCode = Library, BranchCode = Branch, Material = "BK", Status = "A" });
        return Task.FromResult(new ContractCopy(c.CopyNumber, c.Barcode, c.TitleNumber, LibraryIsil));
    }

    public Task LendAsync(ContractCopy copy, ContractMember member, CancellationToken cancellationToken)
    {
        Simulator.Control.Lend(copy.LocalId, member.LocalId);
        return Task.CompletedTask;
    }

    public Task ReturnAsync(ContractCopy copy, CancellationToken cancellationToken)
    {
        Simulator.Control.Return(copy.LocalId);
        return Task.CompletedTask;
    }

    public Task DeleteMemberAsync(ContractMember member, CancellationToken cancellationToken)
    {
        Simulator.Control.DeleteMember(member.LocalId);
        return Task.CompletedTask;
    }

    public Task WithdrawCopyAsync(ContractCopy copy, CancellationToken cancellationToken)
    {
        Simulator.Control.WithdrawCopy(copy.LocalId);
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable?> EmitUnmappedLoanStatusAsync(CancellationToken cancellationToken)
    {
        Simulator.Control.EmitLoanStatus("VERM");
        return Task.FromResult<IAsyncDisposable?>(new StopEmitting(() => Simulator.Control.EmitLoanStatus(null)));
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
