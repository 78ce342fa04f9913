using Microsoft.Extensions.Options;

namespace Lsb.Hub.PatronServices.Authentication;

/// <summary>
/// Brute-force limits of patron verification (<see cref="PatronServicesOptions"/>): failed attempts per card number
/// within a window, counted in the <see cref="ICardFailureLog"/> every hub node shares (the database), and attempts per
/// API key within a window, counted in memory on each node (a client's rate limit, not a guard of a PIN: with N nodes
/// a key gets at most N times its limit).
/// </summary>
public sealed class AuthenticationThrottle(IOptionsMonitor<PatronServicesOptions> options, TimeProvider time, ICardFailureLog cardFailures)
{
    private const int PruneEvery = 1024;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _clientAttempts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _calls;

    /// <summary>Asks to verify <paramref name="cardNumber"/> for <paramref name="client"/>. Null: go ahead (the
    /// attempt is counted against the client); otherwise how long to wait before trying again.</summary>
    public async Task<TimeSpan?> TryEnterAsync(string client, string cardNumber, CancellationToken cancellationToken)
    {
        var limits = options.CurrentValue;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (++_calls % PruneEvery == 0) PruneClients(now, limits.ClientWindow);
            var attempts = Window(client, now, limits.ClientWindow);
            if (attempts.Count >= limits.ClientLimit) return Wait(attempts.Peek(), now, limits.ClientWindow);
        }
        var failures = await cardFailures.SinceAsync(Card(cardNumber), now - limits.CardWindow, cancellationToken);
        if (failures.Count >= limits.CardFailureLimit) return Wait(failures[0], now, limits.CardWindow);
        lock (_gate) Window(client, now, limits.ClientWindow).Enqueue(now);
        return null;
    }

    /// <summary>Counts a failed verification (wrong PIN, unknown card) of <paramref name="cardNumber"/>.</summary>
    public Task FailedAsync(string cardNumber, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return cardFailures.AddAsync(Card(cardNumber), now, now - options.CurrentValue.CardWindow, cancellationToken);
    }

    /// <summary>A successful verification clears the card's failures.</summary>
    public Task SucceededAsync(string cardNumber, CancellationToken cancellationToken)
        => cardFailures.ClearAsync(Card(cardNumber), cancellationToken);

    private Queue<DateTimeOffset> Window(string client, DateTimeOffset now, TimeSpan window)
    {
        if (!_clientAttempts.TryGetValue(client, out var queue)) _clientAttempts[client] = queue = new Queue<DateTimeOffset>();
        while (queue.Count > 0 && queue.Peek() <= now - window) queue.Dequeue();
        return queue;
    }

    private static TimeSpan Wait(DateTimeOffset oldest, DateTimeOffset now, TimeSpan window)
    {
        var wait = oldest + window - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    private void PruneClients(DateTimeOffset now, TimeSpan window)
    {
        foreach (var key in _clientAttempts.Where(e => e.Value.Count == 0 || e.Value.Last() <= now - window).Select(e => e.Key).ToList())
            _clientAttempts.Remove(key);
    }

    private static string Card(string cardNumber) => cardNumber.Trim().ToUpperInvariant();
}
