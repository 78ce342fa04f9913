using System.Globalization;
using System.Text;
using Lsb.Hub.Simulators.Brocade.Exports;

namespace Lsb.Hub.Simulators.Brocade.Sip2;

/// <summary>
/// The SIP2 wire format as this server speaks it: Windows-1252 text, fields <c>XXvalue|</c>, messages ending in CR,
/// error detection with <c>AY{sequence}AZ{checksum}</c>: the checksum is the two's complement of the sum of the bytes
/// up to and including <c>AZ</c>, low 16 bits, as four upper-case hex digits (<c>990 402.00AY1AZ</c> → <c>FCB4</c>).
/// </summary>
internal static class Sip2Wire
{
    public static Encoding Encoding => CodePages.Windows1252;

    public static string Checksum(string messageUpToAz)
    {
        var sum = 0;
        foreach (var b in Encoding.GetBytes(messageUpToAz)) sum += b;
        return ((-sum) & 0xFFFF).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>Splits off a trailing <c>AY{n}AZ{xxxx}</c>: the body, the sequence digit and whether the checksum holds.</summary>
    public static (string Body, char? Sequence, bool ChecksumValid) Strip(string message)
    {
        var az = message.LastIndexOf("AZ", StringComparison.Ordinal);
        if (az < 3 || az != message.Length - 6 || message[az - 3] != 'A' || message[az - 2] != 'Y' || !char.IsAsciiDigit(message[az - 1]))
            return (message, null, true);
        var valid = string.Equals(Checksum(message[..(az + 2)]), message[(az + 2)..], StringComparison.OrdinalIgnoreCase);
        return (message[..(az - 3)], message[az - 1], valid);
    }

    /// <summary>Adds <c>AY{n}AZ{checksum}</c> to a response when the request carried a sequence number.</summary>
    public static string Seal(string body, char? sequence)
    {
        if (sequence is null) return body;
        var upToAz = $"{body}AY{sequence}AZ";
        return upToAz + Checksum(upToAz);
    }

    public static string Date(DateTimeOffset moment)
        => DutchClock.Local(moment).ToString("yyyyMMdd'    'HHmmss", CultureInfo.InvariantCulture);

    public static string DueDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "    235900";

    public static string Field(string id, string? value) => $"{id}{Clean(value)}|";

    private static string Clean(string? value) => (value ?? string.Empty).Replace('|', '/').Replace('\r', ' ').Replace('\n', ' ');
}
