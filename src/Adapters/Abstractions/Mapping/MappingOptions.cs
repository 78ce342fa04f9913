namespace Lsb.Hub.Adapters.Mapping;

/// <summary>Where the mapping tables live (configuration section <c>Mappings</c>).</summary>
public sealed class MappingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Mappings";

    /// <summary>The folder holding <c>wise/</c>, <c>vsmart/</c>, <c>brocade/</c>; relative paths are taken from the
    /// current directory, then from the application's base directory.</summary>
    public string Path { get; set; } = "mappings";

    /// <summary>How often a table checks its file for changes; edits take effect without a restart.</summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The mappings folder as an absolute path.</summary>
    public string ResolveRoot()
    {
        if (System.IO.Path.IsPathRooted(Path)) return Path;
        var fromCurrent = System.IO.Path.GetFullPath(Path);
        if (Directory.Exists(fromCurrent)) return fromCurrent;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, Path);
            if (Directory.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        return fromCurrent;
    }
}
