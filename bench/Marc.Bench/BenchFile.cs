namespace Lsb.Hub.Marc.Bench;

/// <summary>Builds the 200,309-record throughput file from the corpus seed, as the corpus README prescribes.</summary>
internal static class BenchFile
{
    public const int Copies = 523;
    public const int ExpectedRecords = 200_309;
    public const long ExpectedBytes = 184_098_615;

    public static string Seed()
    {
        var corpus = Environment.GetEnvironmentVariable("LSB_CORPUS");
        if (string.IsNullOrEmpty(corpus))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "shared", "corpus", "marc")))
                {
                    corpus = Path.Combine(dir.FullName, "shared", "corpus");
                    break;
                }
            }
        }

        var seed = corpus is null ? null : Path.Combine(corpus, "marc", "large", "marc4j__pride-and-prejudice-fixed.mrc");
        if (seed is null || !File.Exists(seed))
        {
            throw new FileNotFoundException("Seed file large/marc4j__pride-and-prejudice-fixed.mrc not found: set LSB_CORPUS to the shared/corpus folder.");
        }

        return seed;
    }

    public static void EnsureExists(string path)
    {
        if (File.Exists(path) && new FileInfo(path).Length == ExpectedBytes)
        {
            return;
        }

        Console.WriteLine($"building {path} from {Copies} copies of the seed ...");
        var seed = File.ReadAllBytes(Seed());
        using var output = File.Create(path);
        for (var i = 0; i < Copies; i++)
        {
            output.Write(seed);
        }
    }
}
