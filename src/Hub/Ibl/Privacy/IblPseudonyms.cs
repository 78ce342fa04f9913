using System.Security.Cryptography;
using System.Text;
using Lsb.Hub.Ibl.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ibl.Privacy;

/// <summary>
/// The pseudonym a member has towards lenders: a keyed hash (HMAC-SHA-256) of the member's canonical id under the IBL
/// key (<c>Ibl:PseudonymKey</c>, or one the hub generates once and keeps). Stable per member, so a lender can tell
/// repeat requests apart, but it NEVER reveals who the member is, and it differs from every other purpose's pseudonym
/// (the DWH's, the customer view's) because the key does.
/// </summary>
public sealed class IblPseudonyms(IblStore store, IOptions<IblOptions> options)
{
    private byte[]? _key;

    /// <summary>The pseudonym of <paramref name="memberId"/>.</summary>
    public async Task<string> ForMemberAsync(string memberId, CancellationToken cancellationToken)
    {
        var key = _key ??= await KeyAsync(cancellationToken);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("ibl-patron:" + memberId));
        return "ibl-patron-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PseudonymKey is { Length: > 0 } configured) return Convert.FromBase64String(configured);
        var stored = await store.SecretAsync("patron-pseudonym-key", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        return Convert.FromBase64String(stored);
    }
}
