namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>
/// The shared conformance corpus, read in place (never copied into the repository): <c>LSB_CORPUS</c> when set, else the
/// first <c>shared/corpus</c> found walking up from the test's folder. Fails with instructions when it is absent.
/// </summary>
internal static class Corpus
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("LSB_CORPUS") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"LSB_CORPUS is '{configured}', which is not a folder: point it at the shared corpus (the folder holding ncip/ and xsd/).");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"The shared corpus was not found above {AppContext.BaseDirectory}: set LSB_CORPUS to the folder holding ncip/ and xsd/ (../shared/corpus next to the repository).");
    }
}
