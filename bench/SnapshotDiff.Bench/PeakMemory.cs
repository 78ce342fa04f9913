namespace Lsb.Hub.Bench.SnapshotDiff;

/// <summary>The process's peak resident set (VmHWM in /proc/self/status), in MiB.</summary>
internal static class PeakMemory
{
    public static double Mebibytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kib = long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            return kib / 1024.0;
        }
        return double.NaN;
    }
}
