using System.Buffers.Binary;
using System.Globalization;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.HoldingsSync.Bench;

/// <summary>
/// The benchmark's collection, generated from the copy number alone (nothing kept in memory): library 0 holds the
/// reconciliation library's copies, the others share the rest. 0.5% of copies have no title identifier (unmatched),
/// 80% have a PPN, all others an ISBN.
/// </summary>
public sealed class BenchCopies(int copies, int libraries, int bigLibraryCopies)
{
    public int Count => copies;
    public int Libraries => libraries;

    public static string Isil(int library) => string.Create(CultureInfo.InvariantCulture, $"NL-08599{library:D2}000");

    public int LibraryOf(int copy) => copy < bigLibraryCopies ? 0 : 1 + ((copy - bigLibraryCopies) % (libraries - 1));

    public static string LocalId(int copy) => string.Create(CultureInfo.InvariantCulture, $"c{copy}");

    public static string HoldingId(int copy)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, 0x0195_0000_0000_7000L);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], copy);
        return CanonicalId.Format(new HoldingId(new Guid(bytes, bigEndian: true)));
    }

    public static string Barcode(int copy) => string.Create(CultureInfo.InvariantCulture, $"39{copy:D12}");

    public static bool Unmatched(int copy) => copy % 200 == 7;

    public static string? Isbn(int copy)
    {
        if (Unmatched(copy)) return null;
        var twelve = string.Create(CultureInfo.InvariantCulture, $"978{copy % 1_000_000_000:D9}");
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return twelve + (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public static string? Ppn(int copy) => Unmatched(copy) || copy % 5 == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{400_000_000 + copy}");

    public static string Shelfmark(int copy, int version) => string.Create(CultureInfo.InvariantCulture, $"ROMAN A{(copy + version) % 997:D3}");

    public static string Title(int copy) => string.Create(CultureInfo.InvariantCulture, $"Titel {copy}");
}
