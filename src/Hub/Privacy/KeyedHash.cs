using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Privacy;

/// <summary>HMAC-SHA-256 with one purpose's key: the same text always gives the same hash; without the key, a hash
/// cannot be turned back into the card number or id it was made from, nor made from a guessed one.</summary>
public sealed class KeyedHash(byte[] key)
{
    /// <summary>The hash of <paramref name="text"/> as 32 lower-case hex digits (the first 128 bits).</summary>
    public string Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text), mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    /// <summary>The hash of <paramref name="text"/> as a UUID (the first 128 bits), for ids that must look like ids.</summary>
    public Guid Guid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text), mac);
        return new Guid(mac[..16]);
    }
}
