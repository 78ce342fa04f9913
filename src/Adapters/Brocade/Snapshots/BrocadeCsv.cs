using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>The character set of a Brocade CSV export: UTF-8 when it starts with a byte order mark, else Windows-1252.</summary>
internal static class BrocadeCsv
{
    private static readonly Encoding Windows1252 = Load();

    public static Encoding EncodingOf(string path)
    {
        Span<byte> start = stackalloc byte[3];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        return read == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF ? new UTF8Encoding(false) : Windows1252;
    }

    private static Encoding Load()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
