using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Simulators.VSmart.Oai;

/// <summary>
/// A resumption token that carries the whole list request (the protocol makes <c>resumptionToken</c> exclusive): verb,
/// prefix, set, datestamp bounds, the revision after which the next page starts (keyset paging, so reissuing the same
/// token gives the same page and a record changed meanwhile moves to the end instead of being skipped), the cursor,
/// the list size and the time of issue, signed so a garbled token is recognised.
/// </summary>
internal sealed record OaiToken(string Verb, string Prefix, string? Set, long? FromTicks, long? BeforeTicks, long AfterRevision, int Cursor,
    int CompleteListSize, long IssuedTicks)
{
    public string Encode(byte[] key)
    {
        var payload = string.Join('|', "1", Verb, Prefix, Set ?? string.Empty, Number(FromTicks), Number(BeforeTicks),
            Number(AfterRevision), Number(Cursor), Number(CompleteListSize), Number(IssuedTicks));
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, bytes).AsSpan(0, 9));
    }

    public static OaiToken? Decode(string text, byte[] key)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(text.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, bytes).AsSpan(0, 9))) return null;
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts.Length != 10 || parts[0] != "1") return null;
        return new OaiToken(parts[1], parts[2], parts[3].Length == 0 ? null : parts[3], Optional(parts[4]), Optional(parts[5]),
            long.Parse(parts[6], CultureInfo.InvariantCulture), int.Parse(parts[7], CultureInfo.InvariantCulture),
            int.Parse(parts[8], CultureInfo.InvariantCulture), long.Parse(parts[9], CultureInfo.InvariantCulture));
    }

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static long? Optional(string text) => text.Length == 0 ? null : long.Parse(text, CultureInfo.InvariantCulture);
}
