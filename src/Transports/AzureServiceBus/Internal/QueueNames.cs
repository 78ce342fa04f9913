using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>Turns a routing key (an installation id) into a legal, stable Service Bus queue name.</summary>
internal static class QueueNames
{
    private const int MaxLength = 200;

    /// <summary>
    /// <c>{family}-{key}</c>; characters outside <c>[a-z0-9._-]</c> replaced by <c>-</c>. When anything was
    /// replaced or cut, a short hash of the original key is appended so two keys never share a queue.
    /// </summary>
    public static string ForKey(string family, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var clean = new StringBuilder(key.Length);
        var changed = false;
        foreach (var c in key)
        {
            var legal = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-';
            clean.Append(legal ? c : '-');
            changed |= !legal;
        }
        var name = $"{family}-{clean}";
        if (name.Length > MaxLength)
        {
            name = name[..(MaxLength - 9)];
            changed = true;
        }
        if (!changed) return name;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        return $"{name}-{hash}";
    }
}
