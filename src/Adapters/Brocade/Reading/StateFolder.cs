namespace Lsb.Hub.Adapters.Brocade.Reading;

/// <summary>
/// The adapter's own files for one installation (<c>{StateDirectory}/{installation}/</c>): <c>snapshots/</c> (the sorted
/// snapshot of each full export read, named by its identity), <c>changes/</c> (the change list of each file, named by its
/// identity and its baseline's) and <c>work/</c> (sort runs). All are derived from the exports: losing the folder costs
/// recomputing, except the last baseline snapshot when the vendor has already removed that export.
/// </summary>
internal sealed class StateFolder
{
    public StateFolder(string stateDirectory, string installation)
    {
        Root = Path.GetFullPath(Path.Combine(stateDirectory, installation));
        Directory.CreateDirectory(Path.Combine(Root, "snapshots"));
        Directory.CreateDirectory(Path.Combine(Root, "changes"));
        Directory.CreateDirectory(Work);
    }

    public string Root { get; }

    public string Work => Path.Combine(Root, "work");

    public string Snapshot(string identity) => Path.Combine(Root, "snapshots", identity + ".snap");

    public string ChangeList(string identity, string? baseline) => Path.Combine(Root, "changes", $"{identity}-{baseline ?? "none"}.chg");

    /// <summary>Removes snapshots that are neither a baseline nor <paramref name="keep"/>, and change lists older than a day.</summary>
    public void Prune(IEnumerable<string> keep, DateTime nowUtc)
    {
        var kept = keep.ToHashSet(StringComparer.Ordinal);
        foreach (var snapshot in Directory.EnumerateFiles(Path.Combine(Root, "snapshots"), "*.snap"))
        {
            if (!kept.Contains(Path.GetFileNameWithoutExtension(snapshot))) TryDelete(snapshot);
        }
        foreach (var list in Directory.EnumerateFiles(Path.Combine(Root, "changes"), "*.chg"))
        {
            if (nowUtc - File.GetLastWriteTimeUtc(list) > TimeSpan.FromDays(1)) TryDelete(list);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another reader of the same installation has it open; the next prune removes it.
        }
    }
}
