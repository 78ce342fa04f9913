using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>
/// Writes a large full holdings export without keeping the collection in memory: copy <c>i</c> is a pure function of
/// the seed and <c>i</c>, so "the next night" can be written with a chosen share of copies changed (70% a new
/// status, 15% withdrawn, and as many as 15% of that share added at the end). Sorted by copy number, or shuffled by a
/// fixed permutation to make the reader fall back to sorting. For the snapshot-diff benchmark.
/// </summary>
internal static class SyntheticHoldings
{
    private const long FirstCopy = 10_000_001;
    private static readonly string[] Titles =
        ["De ruïne van Brederode", "Het café aan de gracht", "Zoë en de zeeën", "De stille rivier", "Brieven uit Genève", "Vogels in Nederland", "De Gouden Eeuw", "Het verloren eiland"];
    private static readonly string[] Authors = ["Jansen, Anna", "de Vries, Peter", "Müller, Jörg", "Bakker, Noëlle", "Visser, Sébastien", "Smit, Kees"];
    private static readonly string[] Branches = ["DRB01", "DRB02", "RLO01", "RLO02", "RLO03"];

    public static ExportRun Write(string folder, int number, DateTimeOffset createdAt, int count, int night, double changedShare, bool shuffled,
        MarcCharacterSetChoice characterSet, string? exportKey)
    {
        Directory.CreateDirectory(folder);
        var stamp = createdAt.UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
        var name = string.Create(CultureInfo.InvariantCulture, $"EXEMPLAREN_VOLLEDIG_{stamp}_{number:D6}.mrc");
        var path = Path.Combine(folder, name);
        var added = night == 0 ? 0 : (int)(count * changedShare * 0.15);
        var total = count + added;
        var step = shuffled ? Coprime(total) : 1;
        var records = 0;
        long bytes = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            for (long k = 0; k < total; k++)
            {
                var i = (k * step) % total;
                var record = Record(i, count, night, changedShare, characterSet);
                if (record is null) continue;
                stream.Write(record);
                hash.AppendData(record);
                bytes += record.Length;
                records++;
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(path + ".tmp", path, overwrite: true);
        var marker = ExportMarker.Content(name, "EXEMPLAREN", "VOLLEDIG", number, createdAt, records, bytes, hash.GetHashAndReset(),
            characterSet == MarcCharacterSetChoice.Utf8 ? "UTF-8" : "MARC-8", exportKey);
        ExportMarker.WriteSafely(path + ExportMarker.Extension, Encoding.UTF8.GetBytes(marker));
        return new ExportRun(number, createdAt, ExportKind.Full, [path]);
    }

    private static byte[]? Record(long i, int count, int night, double changedShare, MarcCharacterSetChoice characterSet)
    {
        var roll = night == 0 || i >= count ? 1.0 : (Mix(i, night) % 1_000_000) / 1_000_000.0;
        if (roll < changedShare * 0.15) return null;
        var changed = roll < changedShare || (night > 0 && i >= count);
        var mix = Mix(i, 0);
        var number = (FirstCopy + i).ToString(CultureInfo.InvariantCulture);
        var branch = Branches[mix % (ulong)Branches.Length];
        var library = branch[..3];
        var title = Titles[(mix >> 8) % (ulong)Titles.Length];
        var modified = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds((double)((mix >> 16) % 2_000_000));
        var status = "A";
        if (changed)
        {
            status = "U";
            modified = modified.AddDays(60);
        }
        var isbn = "97890" + ((mix >> 20) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var fields = new List<MarcField>
        {
            new("001", number),
            new("003", "BROCADE"),
            new("004", (3_000_001 + (long)(mix % 400_000)).ToString(CultureInfo.InvariantCulture)),
            new("005", modified.ToString("yyyyMMddHHmmss.f", CultureInfo.InvariantCulture)),
            new("008", modified.ToString("yyMMdd", CultureInfo.InvariantCulture) + "0u    8   4001audut0000000"),
            new("020", null, Subfields: [('a', isbn)]),
            new("852", null, Subfields: [('a', library), ('b', branch), ('c', "Volwassenen romans"), ('h', "ROMAN " + title[..4].ToUpperInvariant())]),
            new("876", null, Subfields: [('a', number), ('p', "39" + number), ('j', status)]),
            new("960", null, Subfields: [('a', title), ('c', Authors[(mix >> 12) % (ulong)Authors.Length]), ('m', "BK"), ('i', "J")]),
        };
        return Iso2709Builder.Build('n', 'x', characterSet, fields);
    }

    private static ulong Mix(long i, int salt)
    {
        var z = (ulong)i * 0x9E3779B97F4A7C15UL + (ulong)salt * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static long Coprime(long total)
    {
        var step = (long)(total * 0.6180339887) | 1;
        while (Gcd(step, total) != 1) step += 2;
        return step;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
