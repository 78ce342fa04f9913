using Lsb.Hub.PatronServices;
using Lsb.Hub.PatronServices.Authentication;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>The brute-force limits, on a clock the test moves (no wall-clock waits), with the shared card-failure log
/// kept in memory here (its database form is checked across two nodes by PatronServicesEndToEnd on PostgreSQL).</summary>
public sealed class AuthenticationThrottleTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task The_tenth_attempt_after_nine_failures_of_a_card_is_refused_until_the_first_failure_leaves_the_window()
    {
        var throttle = Throttle(new PatronServicesOptions());
        for (var i = 0; i < 9; i++)
        {
            Assert.Null(await throttle.TryEnterAsync("kb", "1234567890", TestContext.Current.CancellationToken));
            await throttle.FailedAsync("1234567890", TestContext.Current.CancellationToken);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }
        var wait = await throttle.TryEnterAsync("kb", "1234567890", TestContext.Current.CancellationToken);
        Assert.NotNull(wait);
        Assert.Equal(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(90), wait);
        Assert.Null(await throttle.TryEnterAsync("kb", "0987654321", TestContext.Current.CancellationToken));
        Assert.NotNull(await throttle.TryEnterAsync("other-client", " 1234567890 ", TestContext.Current.CancellationToken));

        _clock.Advance(wait.Value);
        Assert.Null(await throttle.TryEnterAsync("kb", "1234567890", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_success_clears_the_card_s_failures()
    {
        var throttle = Throttle(new PatronServicesOptions { CardFailureLimit = 2 });
        await throttle.FailedAsync("card-1", TestContext.Current.CancellationToken);
        await throttle.SucceededAsync("card-1", TestContext.Current.CancellationToken);
        await throttle.FailedAsync("card-1", TestContext.Current.CancellationToken);
        Assert.Null(await throttle.TryEnterAsync("kb", "card-1", TestContext.Current.CancellationToken));
        await throttle.FailedAsync("card-1", TestContext.Current.CancellationToken);
        Assert.NotNull(await throttle.TryEnterAsync("kb", "card-1", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_client_over_its_limit_is_refused_for_every_card_and_other_clients_are_not()
    {
        var throttle = Throttle(new PatronServicesOptions { ClientLimit = 3, ClientWindow = TimeSpan.FromMinutes(1) });
        for (var i = 0; i < 3; i++) Assert.Null(await throttle.TryEnterAsync("kb", $"card-{i}", TestContext.Current.CancellationToken));
        Assert.Equal(TimeSpan.FromMinutes(1), await throttle.TryEnterAsync("kb", "card-9", TestContext.Current.CancellationToken));
        Assert.Null(await throttle.TryEnterAsync("other", "card-9", TestContext.Current.CancellationToken));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await throttle.TryEnterAsync("kb", "card-9", TestContext.Current.CancellationToken));
    }

    private AuthenticationThrottle Throttle(PatronServicesOptions options) => new(new FixedOptions(options), _clock, new MemoryCardFailureLog());

    private sealed class MemoryCardFailureLog : ICardFailureLog
    {
        private readonly List<(string Card, DateTimeOffset At)> _failures = [];

        public Task<IReadOnlyList<DateTimeOffset>> SinceAsync(string card, DateTimeOffset since, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<DateTimeOffset>>([.. _failures.Where(f => f.Card == card && f.At > since).Select(f => f.At).Order()]);

        public Task AddAsync(string card, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
        {
            _failures.RemoveAll(f => f.At <= forgetBefore);
            _failures.Add((card, at));
            return Task.CompletedTask;
        }

        public Task ClearAsync(string card, CancellationToken cancellationToken)
        {
            _failures.RemoveAll(f => f.Card == card);
            return Task.CompletedTask;
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class FixedOptions(PatronServicesOptions value) : IOptionsMonitor<PatronServicesOptions>
    {
        public PatronServicesOptions CurrentValue => value;
        public PatronServicesOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<PatronServicesOptions, string?> listener) => null;
    }
}
