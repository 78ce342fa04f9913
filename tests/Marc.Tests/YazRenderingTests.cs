using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>Every good ISO 2709 corpus file, read by the hub, renders like yaz-marcdump's dump of it (expected/), field for field.</summary>
public sealed class YazRenderingTests
{
    public static TheoryData<string> GoodIsoFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "bib", "encoding", "holdings", "large", "gold/yaz", "gold/pymarc", "gold/marc4j", "gold/marcjs", "gold/marc-perl" })
        {
            foreach (var file in Corpus.DataFiles(folder).Where(Corpus.IsIso2709))
            {
                if (KnownDifferences.ContainsKey(file))
                {
                    continue;
                }

                data.Add(file);
            }
        }

        return data;
    }

    /// <summary>Files whose yaz dump is not the oracle, with the reason; each is checked against its own oracle elsewhere.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownDifferences = new Dictionary<string, string>
    {
        ["gold/yaz/marc1.marc"] = "indicator count 3 (leader/10 '3'): not MARC 21",
        ["gold/yaz/marc1.xml.marc"] = "indicator count 3 (leader/10 '3'): not MARC 21",
        ["gold/yaz/marc2.marc"] = "indicator count 3 (leader/10 '3'): not MARC 21",
        ["gold/yaz/marc2.xml.marc"] = "indicator count 3 (leader/10 '3'): not MARC 21",
        ["gold/yaz/marc4.marc"] = "leader and directory deliberately broken; covered by the broken-record tests",
        ["gold/yaz/marc10.marc"] = "DanMARC2 character set, not MARC-8 or UTF-8",
        ["gold/yaz/marc11.marc"] = "DanMARC2 character set, not MARC-8 or UTF-8",
        ["gold/yaz/marc12.marc"] = "yaz 5.34 splits an EACC field at an embedded 0x1F; upstream gold/yaz/marc12.xml is the oracle",
        ["encoding/pymarc__utf8_without_leader_flag.dat"] = "mislabelled UTF-8: the hub reads it as UTF-8; the oracle is the dump of the same record with leader/09 a",
    };

    [Theory]
    [MemberData(nameof(GoodIsoFiles))]
    public void When_a_good_corpus_file_is_read_Should_render_like_the_yaz_dump_field_for_field(string file)
    {
        var expectedPath = Path.Combine(Corpus.Marc, Path.GetDirectoryName(file)!, "expected", Path.GetFileName(file) + ".txt");
        Assert.True(File.Exists(expectedPath), $"no yaz dump for {file}");
        var expected = YazDump.Parse(expectedPath);
        var options = MarcReaderOptions.Lenient with { CharacterSet = CorpusCharsets.For(file) };
        var records = Iso2709Reader.ReadFile(Path.Combine(Corpus.Marc, file), options).ToList();

        var differences = YazComparison.Compare(file, records, expected);

        Assert.True(differences.Count == 0, $"{file}: {differences.Count} difference(s) from yaz:\n{string.Join('\n', differences.Take(12))}");
    }
}
