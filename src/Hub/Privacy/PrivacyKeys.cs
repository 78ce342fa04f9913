using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Privacy;

/// <summary>
/// One secret per purpose for keyed hashes (<see cref="KeyedHash"/>). A key comes from configuration
/// (<c>Privacy:Keys:{purpose}</c>, base64, at least 32 bytes: environment or a vault) or, when none is configured,
/// is made at first start and kept in the <c>privacy_keys</c> table. Different purposes NEVER share a key, so a hash
/// made for one purpose (matching a waiting e-book loan) can NEVER be joined with one made for another (a loan-history
/// pseudonym, a DWH pseudonym).
/// </summary>
public sealed class PrivacyKeys(HubDatabase database, IConfiguration configuration, TimeProvider time) : IDisposable
{
    /// <summary>The smallest configured key accepted, in bytes.</summary>
    public const int MinimumKeyBytes = 32;

    private readonly ConcurrentDictionary<string, KeyedHash> _keys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>Loads (or makes) the key of every purpose. Runs at start (<see cref="PrivacyKeysLoader"/>); later
    /// calls return at once.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_keys.Count == PrivacyPurpose.All.Count) return;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            foreach (var purpose in PrivacyPurpose.All)
            {
                if (!_keys.ContainsKey(purpose)) _keys[purpose] = new KeyedHash(await LoadAsync(purpose, cancellationToken));
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The keyed hash of <paramref name="purpose"/>, loading the keys first if the start-up loader has not
    /// run yet (a message recovered by the bus may be handled before it). Call it before opening a write transaction.</summary>
    public async ValueTask<KeyedHash> ForAsync(string purpose, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(purpose, out var hash)) return hash;
        await LoadAsync(cancellationToken);
        return _keys.TryGetValue(purpose, out hash)
            ? hash
            : throw new ArgumentException($"'{purpose}' is not a privacy purpose; see PrivacyPurpose.", nameof(purpose));
    }

    private async Task<byte[]> LoadAsync(string purpose, CancellationToken cancellationToken)
    {
        var configured = configuration[$"Privacy:Keys:{purpose}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] bytes;
            try { bytes = Convert.FromBase64String(configured); }
            catch (FormatException) { bytes = []; }
            if (bytes.Length < MinimumKeyBytes)
                throw new InvalidOperationException(
                    $"Privacy:Keys:{purpose} must be base64 of at least {MinimumKeyBytes} random bytes (e.g. `openssl rand -base64 32`).");
            return bytes;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT key_base64 FROM privacy_keys WHERE purpose = @purpose", new { purpose }, cancellationToken: cancellationToken));
        if (stored is not null) return Convert.FromBase64String(stored);
        var made = Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes));
        // Several nodes may start at once: the first insert wins and everyone reads it back.
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO privacy_keys (purpose, key_base64, created_at) VALUES (@purpose, @made, @at) ON CONFLICT (purpose) DO NOTHING",
            new { purpose, made, at = time.GetUtcNow().ToString("O") }, cancellationToken: cancellationToken));
        var winner = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT key_base64 FROM privacy_keys WHERE purpose = @purpose", new { purpose }, cancellationToken: cancellationToken));
        return Convert.FromBase64String(winner!);
    }

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();
}
