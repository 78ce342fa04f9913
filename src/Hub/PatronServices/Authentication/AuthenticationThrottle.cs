using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.PatronServices.Authentication;

/// <summary>
/// Brute-force limits of patron verification (<see cref="PatronServicesOptions"/>): failed attempts per card number
/// within a window, and attempts per API key within a window. Cards are kept as SHA-256 digests, never as numbers.
/// In memory, per hub node: with N nodes behind a balancer a card gets at most N times the limit (documented).
/// </summary>
public sealed class AuthenticationThrottle(IOptionsMonitor<PatronServicesOptions> options, TimeProvider time)
{
    private const int PruneEvery = 1024;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _cardFailures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _clientAttempts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _calls;

    /// <summary>Asks to verify <paramref name="cardNumber"/> for <paramref name="client"/>. Null: go ahead (the
    /// attempt is counted against the client); otherwise how long to wait before trying again.</summary>
    public TimeSpan? TryEnter(string client, string cardNumber)
    {
        var limits = options.CurrentValue;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (++_calls % PruneEvery == 0) Prune(now, limits);
            var attempts = Window(_clientAttempts, client, now, limits.ClientWindow);
            if (attempts.Count >= limits.ClientLimit) return Wait(attempts, now, limits.ClientWindow);
            var failures = Window(_cardFailures, Key(cardNumber), now, limits.CardWindow);
            if (failures.Count >= limits.CardFailureLimit) return Wait(failures, now, limits.CardWindow);
            attempts.Enqueue(now);
            return null;
        }
    }

    /// <summary>Counts a failed verification (wrong PIN, unknown card) of <paramref name="cardNumber"/>.</summary>
    public void Failed(string cardNumber)
    {
        var now = time.GetUtcNow();
        lock (_gate) Window(_cardFailures, Key(cardNumber), now, options.CurrentValue.CardWindow).Enqueue(now);
    }

    /// <summary>A successful verification clears the card's failures.</summary>
    public void Succeeded(string cardNumber)
    {
        lock (_gate) _cardFailures.Remove(Key(cardNumber));
    }

    private static Queue<DateTimeOffset> Window(Dictionary<string, Queue<DateTimeOffset>> map, string key, DateTimeOffset now, TimeSpan window)
    {
        if (!map.TryGetValue(key, out var queue)) map[key] = queue = new Queue<DateTimeOffset>();
        while (queue.Count > 0 && queue.Peek() <= now - window) queue.Dequeue();
        return queue;
    }

    private static TimeSpan Wait(Queue<DateTimeOffset> queue, DateTimeOffset now, TimeSpan window)
    {
        var wait = queue.Peek() + window - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    private void Prune(DateTimeOffset now, PatronServicesOptions limits)
    {
        foreach (var (map, window) in new[] { (_cardFailures, limits.CardWindow), (_clientAttempts, limits.ClientWindow) })
        {
            foreach (var key in map.Where(e => e.Value.Count == 0 || e.Value.Last() <= now - window).Select(e => e.Key).ToList()) map.Remove(key);
        }
    }

    private static string Key(string cardNumber)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cardNumber.Trim().ToUpperInvariant())));
}
