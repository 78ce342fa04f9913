using System.Globalization;

namespace Lsb.Hub.Bench;

/// <summary>The bytes this process has passed through read and write system calls (Linux <c>/proc/self/io</c>: files,
/// sockets and pipes alike) at one moment; zero where that file does not exist.</summary>
internal readonly record struct IoCounts(long Read, long Written)
{
    public static IoCounts Now()
    {
        if (!File.Exists("/proc/self/io")) return default;
        long read = 0, written = 0;
        foreach (var line in File.ReadLines("/proc/self/io"))
        {
            if (line.StartsWith("rchar:", StringComparison.Ordinal)) read = long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
            else if (line.StartsWith("wchar:", StringComparison.Ordinal)) written = long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
        }
        return new IoCounts(read, written);
    }

    public static IoCounts operator -(IoCounts later, IoCounts earlier) => new(later.Read - earlier.Read, later.Written - earlier.Written);
}
