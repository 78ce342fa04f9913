using Lsb.Hub.PatronServices;
using Lsb.Hub.PatronServices.Authentication;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>The brute-force limits, on a clock the test moves (no wall-clock waits).</summary>
public sealed class AuthenticationThrottleTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void The_tenth_attempt_after_nine_failures_of_a_card_is_refused_until_the_first_failure_leaves_the_window()
    {
        var throttle = Throttle(new PatronServicesOptions());
        for (var i = 0; i < 9; i++)
        {
            Assert.Null(throttle.TryEnter("kb", "1234567890"));
            throttle.Failed("1234567890");
            _clock.Advance(TimeSpan.FromSeconds(10));
        }
        var wait = throttle.TryEnter("kb", "1234567890");
        Assert.NotNull(wait);
        Assert.Equal(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(90), wait);
        Assert.Null(throttle.TryEnter("kb", "0987654321"));
        Assert.NotNull(throttle.TryEnter("other-client", " 1234567890 "));

        _clock.Advance(wait.Value);
        Assert.Null(throttle.TryEnter("kb", "1234567890"));
    }

    [Fact]
    public void A_success_clears_the_card_s_failures()
    {
        var throttle = Throttle(new PatronServicesOptions { CardFailureLimit = 2 });
        throttle.Failed("card-1");
        throttle.Succeeded("card-1");
        throttle.Failed("card-1");
        Assert.Null(throttle.TryEnter("kb", "card-1"));
        throttle.Failed("card-1");
        Assert.NotNull(throttle.TryEnter("kb", "card-1"));
    }

    [Fact]
    public void A_client_over_its_limit_is_refused_for_every_card_and_other_clients_are_not()
    {
        var throttle = Throttle(new PatronServicesOptions { ClientLimit = 3, ClientWindow = TimeSpan.FromMinutes(1) });
        for (var i = 0; i < 3; i++) Assert.Null(throttle.TryEnter("kb", $"card-{i}"));
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.TryEnter("kb", "card-9"));
        Assert.Null(throttle.TryEnter("other", "card-9"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(throttle.TryEnter("kb", "card-9"));
    }

    private AuthenticationThrottle Throttle(PatronServicesOptions options) => new(new FixedOptions(options), _clock);

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
