using System.Text;
using CsvHelper;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>
/// Writes a Brocade CSV export: semicolons, CRLF, fields quoted only when needed (a value with a semicolon or quote),
/// every row ending in the two empty columns real exports carry, in Windows-1252 or in UTF-8 with a BOM.
/// </summary>
internal static class CsvExport
{
    public static readonly Encoding Windows1252 = CodePages.Windows1252;

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<string?[]> rows, bool utf8WithBom, out int count)
    {
        using var buffer = new MemoryStream();
        count = 0;
        using (var text = new StreamWriter(buffer, utf8WithBom ? new UTF8Encoding(true) : Windows1252, 64 * 1024, leaveOpen: true))
        using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { Separator = ';', NewLine = "\r\n", ValidateFieldCount = false }, leaveOpen: true))
        {
            foreach (var name in header) csv.WriteField(name);
            csv.WriteField(string.Empty);
            csv.WriteField(string.Empty);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var value in row) csv.WriteField(value ?? string.Empty);
                csv.WriteField(string.Empty);
                csv.WriteField(string.Empty);
                csv.EndRecord();
                count++;
            }
            csv.Flush();
        }
        return buffer.ToArray();
    }
}
