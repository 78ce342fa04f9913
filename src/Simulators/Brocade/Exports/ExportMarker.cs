using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>
/// The completion marker written after a data file (<c>{file}.gereed</c>): key=value lines naming the file, what it
/// holds, its export number and time, its record count, size and SHA-256, and — when the installation has an export
/// key — an HMAC-SHA256 signature over the lines before it. Written last, so a file without a marker is not finished.
/// </summary>
internal static class ExportMarker
{
    public const string Extension = ".gereed";

    public static string Content(string dataFileName, string entity, string kind, int number, DateTimeOffset createdAt, int records,
        long bytes, byte[] sha256, string characterSet, string? exportKey)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"bestand={dataFileName}\n")
            .Append(CultureInfo.InvariantCulture, $"gegevens={entity}\n")
            .Append(CultureInfo.InvariantCulture, $"soort={kind}\n")
            .Append(CultureInfo.InvariantCulture, $"exportnummer={number}\n")
            .Append(CultureInfo.InvariantCulture, $"aangemaakt={createdAt.ToString("O", CultureInfo.InvariantCulture)}\n")
            .Append(CultureInfo.InvariantCulture, $"records={records}\n")
            .Append(CultureInfo.InvariantCulture, $"bytes={bytes}\n")
            .Append(CultureInfo.InvariantCulture, $"sha256={Convert.ToHexStringLower(sha256)}\n")
            .Append(CultureInfo.InvariantCulture, $"tekenset={characterSet}\n")
            .ToString();
        if (exportKey is null) return text;
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(exportKey), Encoding.UTF8.GetBytes(text));
        return text + $"handtekening={Convert.ToHexStringLower(signature)}\n";
    }

    /// <summary>Writes a file safely: to <c>.tmp</c>, flushed to disk, then renamed into place.</summary>
    public static void WriteSafely(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
