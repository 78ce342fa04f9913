using System.Diagnostics;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>
/// The SIP2 client's connection pool and attempt timeout, against the simulator over real TCP. The simulator counts the
/// connections it accepts and the logins it grants, and can answer slowly, half an answer, or not at all.
/// </summary>
public sealed class Sip2PoolTests : IAsyncLifetime
{
    private static readonly Isil Library = Isil.Parse("NL-0853010000");
    private BrocadeSimulatorHost _simulator = null!;
    private SimulatedMember _member = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 1, CopiesPerLibrary = 1, LoansPerLibrary = 0 });
        _member = _simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", Status = "A", Category = "V" });
    }

    public async ValueTask DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task When_commands_follow_one_another_They_should_share_one_connection_logged_in_once()
    {
        using var host = new BrocadeAdapterHost();
        var adapter = host.Create(_simulator.Installation);
        for (var i = 0; i < 5; i++) AssertFound(await LookupAsync(adapter));
        var stats = _simulator.Control.Statistics();
        Assert.Equal((Connections: 1L, Logins: 1L, Messages: 6L), (Connections: stats.SipConnections, Logins: stats.SipLogins, Messages: stats.SipMessages));
    }

    [Fact]
    public async Task When_more_commands_run_at_once_than_the_pool_holds_Each_of_them_should_get_its_own_connection_up_to_the_pool_size()
    {
        using var host = new BrocadeAdapterHost(new Dictionary<string, string?> { ["Adapters:Brocade:SipConnectionsPerInstallation"] = "3" });
        var adapter = host.Create(_simulator.Installation);
        // A slow server keeps every connection busy, so the seven look-ups overlap: three at a time, the rest wait for one.
        _simulator.Control.SipAnswerDelay = TimeSpan.FromMilliseconds(300);
        var results = await Task.WhenAll(Enumerable.Range(0, 7).Select(_ => LookupAsync(adapter)));
        foreach (var result in results) AssertFound(result);
        var stats = _simulator.Control.Statistics();
        Assert.Equal((Connections: 3L, Logins: 3L, Messages: 10L), (Connections: stats.SipConnections, Logins: stats.SipLogins, Messages: stats.SipMessages));
    }

    [Theory]
    [InlineData(Sip2Fault.Hang)]
    [InlineData(Sip2Fault.StallMidMessage)]
    public async Task When_the_server_stops_answering_A_look_up_should_fail_as_Transient_within_the_attempt_timeout_and_the_next_should_use_a_fresh_connection(Sip2Fault fault)
    {
        using var host = new BrocadeAdapterHost(new Dictionary<string, string?>
        {
            ["Adapters:Brocade:AttemptTimeout"] = "00:00:01",
            ["Adapters:Brocade:MaxRetryAttempts"] = "0",
        });
        var adapter = host.Create(_simulator.Installation);
        AssertFound(await LookupAsync(adapter));

        _simulator.Control.InjectSipFault(fault, times: 1);
        var clock = Stopwatch.StartNew();
        var failed = await LookupAsync(adapter);
        clock.Stop();
        Assert.Equal(CommandOutcome.Transient, failed.Outcome);
        Assert.Contains("did not answer within 1 s", failed.Message, StringComparison.Ordinal);
        // It waited for the timeout (not failing for another reason) and no longer than the timeout plus scheduling slack.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));

        // The connection that timed out held a swallowed request or half an answer: it must not go back to the pool.
        _simulator.Control.InjectSipFault(Sip2Fault.None);
        AssertFound(await LookupAsync(adapter));
        var stats = _simulator.Control.Statistics();
        Assert.Equal((Connections: 2L, Logins: 2L), (Connections: stats.SipConnections, Logins: stats.SipLogins));
    }

    [Fact]
    public async Task When_the_login_does_not_answer_in_time_A_check_out_should_be_Transient_not_Unknown_since_it_never_went_out()
    {
        using var host = new BrocadeAdapterHost(new Dictionary<string, string?>
        {
            ["Adapters:Brocade:AttemptTimeout"] = "00:00:01",
            ["Adapters:Brocade:MaxRetryAttempts"] = "0",
        });
        var adapter = host.Create(_simulator.Installation);
        var copy = _simulator.Control.AddCopy(new CopyDraft { LibraryCode = "DRB", Status = "A" });
        _simulator.Control.InjectSipFault(Sip2Fault.Hang);

        var result = await CheckOutAsync(adapter, copy);
        Assert.True(result.Outcome == CommandOutcome.Transient, $"{result.Outcome}: {result.Message}");
        Assert.Equal(1L, _simulator.Control.Statistics().SipMessages);

        _simulator.Control.InjectSipFault(Sip2Fault.None);
        Assert.Equal(CommandOutcome.Succeeded, (await CheckOutAsync(adapter, copy)).Outcome);
        Assert.Equal("U", _simulator.Control.FindCopy(copy.CopyNumber)?.Status);
    }

    private void AssertFound(CommandResult result)
    {
        Assert.True(result.Outcome == CommandOutcome.Succeeded, result.Message);
        Assert.Equal(_member.MemberNumber, result.Patron?.LocalId);
    }

    private Task<CommandResult> CheckOutAsync(IIlsAdapter adapter, SimulatedCopy copy)
        => adapter.ExecuteAsync(new CheckOut
        {
            IdempotencyKey = Guid.NewGuid().ToString("N"), Isil = Library, Patron = new PatronRef(null, _member.MemberNumber, _member.CardNumber),
            Item = new ItemRef(null, copy.CopyNumber, copy.Barcode),
        }, Cancel);

    private Task<CommandResult> LookupAsync(IIlsAdapter adapter)
        => adapter.ExecuteAsync(new LookupPatron { IdempotencyKey = Guid.NewGuid().ToString("N"), Isil = Library, Patron = new PatronRef(null, null, _member.CardNumber) }, Cancel);
}
