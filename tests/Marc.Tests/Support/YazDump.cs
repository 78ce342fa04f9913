using System.Text;

namespace Lsb.Hub.Marc.Tests.Support;

/// <summary>Reads yaz-marcdump line-format output into records (lists of lines), dropping yaz's diagnostic lines.</summary>
internal static class YazDump
{
    public static List<List<string>> Parse(string path)
    {
        var records = new List<List<string>>();
        List<string>? current = null;
        foreach (var raw in File.ReadAllText(path, Encoding.UTF8).Split('\n'))
        {
            var line = raw;
            if (line.StartsWith("<!--", StringComparison.Ordinal) || (line.StartsWith('(') && line.EndsWith(')')))
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (current is not null)
                {
                    records.Add(current);
                    current = null;
                }

                continue;
            }

            (current ??= []).Add(line);
        }

        if (current is not null)
        {
            records.Add(current);
        }

        return records;
    }

    /// <summary>Our rendering of a record as yaz lines.</summary>
    public static List<string> Lines(MarcRecord record)
        => [.. MarcLineWriter.ToText(record).Split('\n').Where(l => l.Length > 0)];

    /// <summary>NFC, without C0 controls (yaz drops unmapped MARC-8 controls; XML cannot carry them).</summary>
    public static string Normalise(string line)
    {
        var nfc = line.Normalize(NormalizationForm.FormC);
        return nfc.Any(c => c < 0x20) ? new string([.. nfc.Where(c => c >= 0x20)]) : nfc;
    }
}
