using System.Text;
using Lsb.Hub.Adapters.Brocade.Sip2;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>The SIP2 client against the simulator over real TCP, with injected faults.</summary>
public sealed class Sip2Tests : IAsyncLifetime
{
    private static readonly Isil Library = Isil.Parse("NL-0853010000");
    private readonly BrocadeAdapterHost _host = new();
    private BrocadeSimulatorHost _simulator = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _simulator = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 3, CopiesPerLibrary = 3, LoansPerLibrary = 0 });

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _host.Dispose();
    }

    [Fact]
    public void The_checksum_of_the_3M_example_should_be_FCB4()
        => Assert.Equal("FCB4", Sip2Checksum.Compute("990 402.00AY1AZ", Encoding.ASCII));

    [Fact]
    public async Task When_the_connection_drops_mid_answer_A_lookup_should_reconnect_and_succeed()
    {
        var adapter = _host.Create(_simulator.Installation);
        var member = _simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", Status = "A", Category = "V" });
        Assert.True((await Lookup(adapter, member.CardNumber)).IsSuccess);
        _simulator.Control.InjectSipFault(Sip2Fault.DropMidMessage, times: 1);
        var result = await Lookup(adapter, member.CardNumber);
        Assert.True(result.Outcome == CommandOutcome.Succeeded, result.Message);
        Assert.Equal(member.MemberNumber, result.Patron?.LocalId);
    }

    [Fact]
    public async Task When_the_connection_drops_mid_answer_to_a_check_out_Should_report_Unknown_and_not_send_it_again()
    {
        var adapter = _host.Create(_simulator.Installation);
        var member = _simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", Status = "A", Category = "V" });
        var copy = _simulator.Control.AddCopy(new CopyDraft { LibraryCode = "DRB", Status = "A" });
        Assert.True((await Lookup(adapter, member.CardNumber)).IsSuccess);
        _simulator.Control.InjectSipFault(Sip2Fault.DropMidMessage, times: 1);
        var result = await adapter.ExecuteAsync(new CheckOut { IdempotencyKey = "k1", Isil = Library, Patron = new PatronRef(null, member.MemberNumber, member.CardNumber), Item = new ItemRef(null, copy.CopyNumber, copy.Barcode) }, Cancel);
        Assert.Equal(CommandOutcome.Unknown, result.Outcome);
        Assert.Equal("U", _simulator.Control.FindCopy(copy.CopyNumber)?.Status);
    }

    [Fact]
    public async Task When_answers_arrive_with_a_bad_checksum_The_client_should_ask_again_with_97_and_succeed()
    {
        var adapter = _host.Create(_simulator.Installation);
        var member = _simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", Status = "A", Category = "V" });
        Assert.True((await Lookup(adapter, member.CardNumber)).IsSuccess);
        _simulator.Control.InjectSipFault(Sip2Fault.CorruptChecksum, times: 2);
        var result = await Lookup(adapter, member.CardNumber);
        Assert.True(result.Outcome == CommandOutcome.Succeeded, result.Message);
    }

    [Fact]
    public async Task When_the_login_is_refused_Commands_should_be_rejected_as_Unauthorized_naming_the_credentials()
    {
        _simulator.Control.InjectSipFault(Sip2Fault.RefuseLogin);
        var adapter = _host.Create(_simulator.Installation);
        var result = await Lookup(adapter, "123");
        Assert.Equal((CommandOutcome.Rejected, RejectionReason.Unauthorized), (result.Outcome, result.Reason));
        Assert.Contains("SipPassword", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_blocked_patron_is_looked_up_Should_report_Blocked()
    {
        var adapter = _host.Create(_simulator.Installation);
        var member = _simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", Status = "G", Category = "V" });
        var result = await Lookup(adapter, member.CardNumber);
        Assert.Equal(Canonical.Members.MemberStatus.Blocked, result.Patron?.Status);
    }

    private static Task<CommandResult> Lookup(IIlsAdapter adapter, string card)
        => adapter.ExecuteAsync(new LookupPatron { IdempotencyKey = Guid.NewGuid().ToString("N"), Isil = Library, Patron = new PatronRef(null, null, card) }, Cancel);
}
