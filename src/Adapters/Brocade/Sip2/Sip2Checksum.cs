using System.Globalization;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>
/// SIP2 error detection: the two's complement of the sum of the message's bytes up to and including <c>AZ</c>, low 16
/// bits, as four upper-case hex digits (3M SIP2, p. 26; <c>990 402.00AY1AZ</c> → <c>FCB4</c>). Summed over the bytes
/// sent on the wire, so accented text is checked in the installation's character set.
/// </summary>
internal static class Sip2Checksum
{
    public static string Compute(string messageUpToAz, Encoding encoding)
    {
        var sum = 0;
        foreach (var b in encoding.GetBytes(messageUpToAz)) sum += b;
        return ((-sum) & 0xFFFF).ToString("X4", CultureInfo.InvariantCulture);
    }
}
