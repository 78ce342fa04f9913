namespace Lsb.Hub.Marc.Tests.Support;

/// <summary>
/// Finds the shared conformance corpus: $LSB_CORPUS (the folder holding marc/, xsd/, marc8-tables/) or the nearest
/// shared/corpus above the test binaries. A missing corpus fails the tests loudly; it is never skipped.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string> LazyRoot = new(Locate);

    public static string Root => LazyRoot.Value;

    public static string Marc => Path.Combine(Root, "marc");

    public static string Path2(params string[] parts) => Path.Combine([Marc, .. parts]);

    public static string Schema => Path.Combine(Root, "xsd", "MARC21slim.xsd");

    /// <summary>Data files (not expected/ renderings, not READMEs) of one corpus folder, relative to marc/.</summary>
    public static IEnumerable<string> DataFiles(string folder)
    {
        var dir = Path.Combine(Marc, folder);
        return Directory.EnumerateFiles(dir)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Marc, f))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Every file under marc/ except the expected/ renderings and the README.</summary>
    public static IEnumerable<string> AllDataFiles()
        => Directory.EnumerateFiles(Marc, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Marc, f))
            .Where(f => !f.Contains("/expected/", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>ISO 2709 files by extension; the Farsi MARC-8 text file is not a record file.</summary>
    public static bool IsIso2709(string relative)
        => Path.GetExtension(relative) is ".mrc" or ".dat" or ".usmarc" or ".marc"
            && !relative.EndsWith("charset_farsi.marc", StringComparison.Ordinal);

    public static bool IsMarcXml(string relative) => relative.EndsWith(".xml", StringComparison.Ordinal);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LSB_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (!Directory.Exists(Path.Combine(fromEnvironment, "marc")))
            {
                throw new InvalidOperationException($"LSB_CORPUS='{fromEnvironment}' has no marc/ folder. Point it at the folder that holds marc/, xsd/ and marc8-tables/.");
            }

            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(Path.Combine(candidate, "marc")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The MARC conformance corpus was not found: no shared/corpus/marc above {AppContext.BaseDirectory} and LSB_CORPUS is not set. " +
            "The MARC tests read ../shared/corpus in place; set LSB_CORPUS=/path/to/shared/corpus to run them elsewhere.");
    }
}
