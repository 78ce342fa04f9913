using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Dwh;

/// <summary>
/// Keyed pseudonyms for the DWH: HMAC-SHA-256 under the DWH key of "{purpose}:{canonical id}", so one member always
/// gets the same pseudonym (the DWH can count and link), nobody without the key can go back to the canonical id,
/// and a DWH pseudonym never equals an id of the customer view or of another purpose.
/// </summary>
public sealed class Pseudonymizer(IOptions<DwhOptions> options)
{
    private readonly byte[]? _key = options.Value.KeyBytes();

    /// <summary>True when a key is configured.</summary>
    public bool Enabled => _key is not null;

    /// <summary>The pseudonym of <paramref name="canonicalId"/> for <paramref name="purpose"/> (e.g. "member", "loan").</summary>
    public string For(string purpose, string canonicalId)
    {
        if (_key is null) throw new InvalidOperationException("Dwh:PseudonymKey is not configured.");
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + ":" + canonicalId), mac);
        return $"{purpose[..1]}p-{Convert.ToHexStringLower(mac[..16])}";
    }
}
