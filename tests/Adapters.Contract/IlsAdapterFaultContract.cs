using Lsb.Hub.Adapters.Changes;

namespace Lsb.Hub.Adapters.Contract;

/// <summary>
/// How every adapter MUST behave when its installation misbehaves: transient faults are
/// <see cref="IlsUnavailableException"/>, unreadable answers and refused credentials <see cref="IlsProtocolException"/>,
/// repeated failures open the circuit (reported by health), and nothing is lost once the fault clears.
/// </summary>
public abstract class IlsAdapterFaultContract<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IIlsFaultFixture
{
    /// <summary>The fixture.</summary>
    protected TFixture Fixture { get; } = fixture;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_the_installation_answers_normally_Should_read_every_canned_change()
    {
        Fixture.Behave(InstallationBehaviour.Normal);
        var (changes, _) = await ChangeFeed.ReadToEndAsync(Fixture.CreateAdapter(), null, 1000, Cancel);
        Assert.Equal(Fixture.NormalChangeCount, changes.Count);
    }

    [Fact]
    public async Task When_the_installation_returns_server_errors_Reading_should_throw_IlsUnavailableException()
    {
        Fixture.Behave(InstallationBehaviour.ServerErrors);
        await Assert.ThrowsAsync<IlsUnavailableException>(() => Fixture.CreateAdapter().ReadChangesAsync(null, 1000, Cancel));
    }

    [Fact]
    public async Task When_the_installation_does_not_answer_in_time_Reading_should_throw_IlsUnavailableException()
    {
        Fixture.Behave(InstallationBehaviour.Hangs);
        await Assert.ThrowsAsync<IlsUnavailableException>(() => Fixture.CreateAdapter().ReadChangesAsync(null, 1000, Cancel));
    }

    [Fact]
    public async Task When_the_installation_answers_malformed_data_Reading_should_throw_IlsProtocolException_and_produce_no_change()
    {
        Fixture.Behave(InstallationBehaviour.MalformedAnswers);
        ChangePage? page = null;
        await Assert.ThrowsAsync<IlsProtocolException>(async () => page = await Fixture.CreateAdapter().ReadChangesAsync(null, 1000, Cancel));
        Assert.Null(page);
    }

    [Fact]
    public async Task When_the_installation_refuses_the_credentials_Reading_should_throw_IlsProtocolException()
    {
        Fixture.Behave(InstallationBehaviour.RefusesCredentials);
        await Assert.ThrowsAsync<IlsProtocolException>(() => Fixture.CreateAdapter().ReadChangesAsync(null, 1000, Cancel));
        var health = await Fixture.CreateAdapter().CheckHealthAsync(Cancel);
        Assert.False(health.Healthy);
    }

    [Fact]
    public async Task When_failures_repeat_The_circuit_should_open_and_health_should_report_it()
    {
        Fixture.Behave(InstallationBehaviour.ServerErrors);
        var adapter = Fixture.CreateAdapter();
        for (var i = 0; i < 6; i++) await Assert.ThrowsAsync<IlsUnavailableException>(() => adapter.ReadChangesAsync(null, 1000, Cancel));
        Fixture.Behave(InstallationBehaviour.Normal);
        var health = await adapter.CheckHealthAsync(Cancel);
        Assert.Equal("Open", health.CircuitState);
        Assert.False(health.Healthy, "While the circuit is open the installation is not called, so it cannot be reported healthy.");
    }

    [Fact]
    public async Task When_the_fault_clears_The_same_cursor_should_yield_every_change()
    {
        Fixture.Behave(InstallationBehaviour.Normal);
        var adapter = Fixture.CreateAdapter();
        var (expected, _) = await ChangeFeed.ReadToEndAsync(Fixture.CreateAdapter(), null, 1000, Cancel);
        var first = await adapter.ReadChangesAsync(null, 2, Cancel);
        Assert.True(first.HasMore);

        Fixture.Behave(InstallationBehaviour.ServerErrors);
        await Assert.ThrowsAsync<IlsUnavailableException>(() => adapter.ReadChangesAsync(first.NextCursor, 2, Cancel));

        Fixture.Behave(InstallationBehaviour.Normal);
        var (rest, _) = await ChangeFeed.ReadToEndAsync(adapter, first.NextCursor, 2, Cancel);
        Assert.Equal(expected.Select(c => c.SourceEventId), first.Changes.Concat(rest).Select(c => c.SourceEventId));
    }
}
