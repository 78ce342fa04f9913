using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Simulators.Wise;

/// <summary>
/// The simulator's WISE_KEY derivation (the real algorithm is not public, see docs/vendors/wise.md):
/// <c>base64url(HMAC-SHA256(key: UTF-8 APP-KEY, data: UTF-8 "{APP-ID}:{yyyyMMdd}"))</c> with the UTC date, no padding.
/// A key is valid on the day it was computed for and the day after (clock skew around midnight).
/// </summary>
public static class WiseKey
{
    /// <summary>Computes the key for <paramref name="utcDay"/>.</summary>
    public static string Compute(string appId, string appKey, DateOnly utcDay)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(appKey);
        var data = Encoding.UTF8.GetBytes(appId + ":" + utcDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appKey), data);
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>Computes the key for the UTC day of <paramref name="now"/>.</summary>
    public static string Compute(string appId, string appKey, DateTimeOffset now)
        => Compute(appId, appKey, DateOnly.FromDateTime(now.UtcDateTime));
}
