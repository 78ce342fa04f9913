using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Exports;

/// <summary>
/// Reads a completion marker (<c>{data file}.gereed</c>, key=value lines; docs/vendors/brocade.md): the data file, what it
/// holds, export number, time, record count, size, SHA-256 and, when the installation has an export key, an
/// HMAC-SHA256 signature over the lines before it. A marker that cannot be read, or is not signed with the installation's
/// key, throws <see cref="IlsProtocolException"/> naming the file.
/// </summary>
internal static class ExportMarker
{
    public const string Extension = ".gereed";

    public static ExportFile Read(string folder, string markerFile, string text, string installation, string credentialsRef, string? exportKey)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var signedLength = text.Length;
        var offset = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("handtekening=", StringComparison.Ordinal)) signedLength = offset;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) values[line[..eq]] = line[(eq + 1)..];
            offset += raw.Length + 1;
        }
        string Required(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v
            : throw Unreadable(markerFile, installation, $"it has no '{key}'");
        if (exportKey is not null)
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(exportKey), Encoding.UTF8.GetBytes(text[..Math.Min(signedLength, text.Length)]));
            if (!values.TryGetValue("handtekening", out var signature)
                || !CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature.Length == 64 ? signature : new string('0', 64))))
            {
                throw new IlsProtocolException($"Export marker {markerFile} of Brocade installation '{installation}' is not signed with the key in " +
                    $"Credentials:{credentialsRef}:ExportKey: check the key (it differs per installation and environment), or remove a file that did not come from Brocade.");
            }
        }
        var entity = Required("gegevens") switch
        {
            "LEDEN" => ExportEntity.Members,
            "EXEMPLAREN" => ExportEntity.Holdings,
            "UITLENINGEN" => ExportEntity.Loans,
            "INNAMES_VREEMD" => ExportEntity.ForeignTakeIns,
            var other => throw Unreadable(markerFile, installation, $"'gegevens={other}' is none of LEDEN, EXEMPLAREN, UITLENINGEN, INNAMES_VREEMD"),
        };
        var full = Required("soort") switch
        {
            "VOLLEDIG" => true,
            "DELTA" => false,
            var other => throw Unreadable(markerFile, installation, $"'soort={other}' is neither VOLLEDIG nor DELTA"),
        };
        var dataFile = Required("bestand");
        if (dataFile.Contains('/', StringComparison.Ordinal) || dataFile.Contains('\\', StringComparison.Ordinal) || dataFile != markerFile[..^Extension.Length])
            throw Unreadable(markerFile, installation, $"it names data file '{dataFile}', not the file it stands next to");
        if (!int.TryParse(Required("exportnummer"), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !DateTimeOffset.TryParse(Required("aangemaakt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var created)
            || !int.TryParse(Required("records"), NumberStyles.None, CultureInfo.InvariantCulture, out var records)
            || !long.TryParse(Required("bytes"), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            || Required("sha256").Length != 64)
        {
            throw Unreadable(markerFile, installation, "exportnummer, aangemaakt, records, bytes or sha256 is malformed");
        }
        return new ExportFile(folder, dataFile, markerFile, entity, full, number, created, records, bytes, values["sha256"].ToLowerInvariant());
    }

    private static IlsProtocolException Unreadable(string markerFile, string installation, string why)
        => new($"Export marker {markerFile} of Brocade installation '{installation}' cannot be read: {why}. Ask the Brocade administrator to export again, or remove the marker to skip the file.");
}
