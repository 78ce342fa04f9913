using System.Diagnostics;
using System.Security.Cryptography;

namespace Lsb.Hub.Simulators.Catalogues.WorldCat.State;

/// <summary>
/// Access tokens (client credentials) and the rate limit: at most <see cref="WorldCatSimulatorOptions.RequestsPerSecond"/>
/// requests per second per key, then 429 with <c>Retry-After</c>. Counts requests that come back before the announced
/// Retry-After has passed, so a test can prove a client respects it.
/// </summary>
internal sealed class WorldCatAccess(WorldCatSimulatorOptions options)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(50);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private long _windowStart = Stopwatch.GetTimestamp();
    private int _windowCount;
    private int _forced;
    private long _notBefore;

    public int TokensIssued { get; private set; }
    public int Throttled { get; private set; }
    public int EarlyRetries { get; private set; }
    public int Requests { get; private set; }

    public (string Token, DateTimeOffset ExpiresAt) Issue()
    {
        var token = "tk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = options.Time.GetUtcNow().AddSeconds(options.TokenLifetimeSeconds);
        lock (_lock)
        {
            _tokens[token] = expires;
            TokensIssued++;
        }
        return (token, expires);
    }

    public bool IsValid(string token)
    {
        lock (_lock) return _tokens.TryGetValue(token, out var expires) && expires > options.Time.GetUtcNow();
    }

    public void ExpireAllTokens()
    {
        lock (_lock) _tokens.Clear();
    }

    public void ThrottleNext(int requests)
    {
        lock (_lock) _forced += requests;
    }

    /// <summary>Null when the request may pass; otherwise the Retry-After seconds to answer 429 with.</summary>
    public int? Admit()
    {
        lock (_lock)
        {
            Requests++;
            var now = Stopwatch.GetTimestamp();
            if (_notBefore != 0 && Stopwatch.GetElapsedTime(now, _notBefore) > Tolerance) EarlyRetries++;
            if (Stopwatch.GetElapsedTime(_windowStart, now) >= TimeSpan.FromSeconds(1))
            {
                _windowStart = now;
                _windowCount = 0;
            }
            _windowCount++;
            if (_forced > 0 || _windowCount > options.RequestsPerSecond)
            {
                if (_forced > 0) _forced--;
                Throttled++;
                _notBefore = now + (long)(options.RetryAfterSeconds * (double)Stopwatch.Frequency);
                return options.RetryAfterSeconds;
            }
            _notBefore = 0;
            return null;
        }
    }
}
