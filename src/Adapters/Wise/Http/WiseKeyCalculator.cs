using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Adapters.Wise.Http;

/// <summary>
/// Computes the WISE_KEY sent on every call. The real algorithm is not public (docs/vendors/wise.md); this is the
/// simulator's: <c>base64url(HMAC-SHA256(key: APP-KEY, data: "{APP-ID}:{yyyyMMdd}"))</c> over the UTC date. Swapping in the
/// real one touches this class only. The key is a secret: NEVER log it.
/// </summary>
internal static class WiseKeyCalculator
{
    public static string Compute(string appId, string appKey, DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appKey), Encoding.UTF8.GetBytes(appId + ":" + day));
        return Base64Url.EncodeToString(mac);
    }
}
