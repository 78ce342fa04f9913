namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>A copy of the repository's mapping tables in a temporary folder, for tests that add rows (branches of test installations).</summary>
public static class MappingsCopy
{
    /// <summary>Copies <c>mappings/{vendor}/</c> of each vendor; returns the folder (for <c>Mappings:Path</c>).</summary>
    public static string Create(params string[] vendors)
    {
        ArgumentNullException.ThrowIfNull(vendors);
        var source = new DirectoryInfo(AppContext.BaseDirectory);
        while (source is not null && !Directory.Exists(Path.Combine(source.FullName, "mappings", "wise"))) source = source.Parent;
        if (source is null) throw new InvalidOperationException("The repository's mappings/ folder was not found above the test's base directory.");
        var target = Path.Combine(Path.GetTempPath(), "lsb-hub-tests", "mappings-" + Guid.NewGuid().ToString("N"));
        foreach (var vendor in vendors)
        {
            Directory.CreateDirectory(Path.Combine(target, vendor));
            foreach (var file in Directory.GetFiles(Path.Combine(source.FullName, "mappings", vendor)))
                File.Copy(file, Path.Combine(target, vendor, Path.GetFileName(file)));
        }
        return target;
    }

    /// <summary>Appends CSV lines to <c>{folder}/{vendor}/{file}</c>.</summary>
    public static void Append(string folder, string vendor, string file, IEnumerable<string> rows)
    {
        var path = Path.Combine(folder, vendor, file);
        File.WriteAllText(path, File.ReadAllText(path).TrimEnd('\n') + "\n" + string.Join("\n", rows) + "\n");
    }

    /// <summary>Removes the copy; a file still being read by a finishing reload check is left to the OS's temp cleanup.</summary>
    public static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* see summary: the temp folder is cleaned by the OS */ }
    }
}
