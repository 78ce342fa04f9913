namespace Lsb.Hub.Adapters.Brocade.Exports;

/// <summary>
/// Lists the finished exports in a folder: every <c>*.gereed</c> marker, read and verified, in reading order (time,
/// export number, members before copies before loans). Data files without a marker, and <c>*.tmp</c> files, are not
/// finished and are not listed.
/// </summary>
internal static class ExportFolderScanner
{
    public static List<ExportFile> Scan(string folder, string installation, string credentialsRef, string? exportKey)
    {
        var files = new List<ExportFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + ExportMarker.Extension, SearchOption.TopDirectoryOnly))
        {
            var text = File.ReadAllText(path);
            files.Add(ExportMarker.Read(folder, Path.GetFileName(path), text, installation, credentialsRef, exportKey));
        }
        files.Sort((a, b) =>
        {
            var byTime = a.CreatedAt.UtcTicks.CompareTo(b.CreatedAt.UtcTicks);
            if (byTime != 0) return byTime;
            var byNumber = a.Number.CompareTo(b.Number);
            if (byNumber != 0) return byNumber;
            var byEntity = a.Entity.CompareTo(b.Entity);
            return byEntity != 0 ? byEntity : string.CompareOrdinal(a.DataFile, b.DataFile);
        });
        return files;
    }
}
