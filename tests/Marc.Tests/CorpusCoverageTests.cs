using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>Every file of the MARC corpus is read by some test; a new corpus file without a test fails here.</summary>
public sealed class CorpusCoverageTests
{
    /// <summary>Files that are not record files themselves but oracles or inputs of named tests.</summary>
    private static readonly Dictionary<string, string> Oracles = new(StringComparer.Ordinal)
    {
        ["encoding/marc-perl__charset_farsi.marc"] = "MARC-8 text lines: Marc8Tests",
        ["gold/pymarc/test_marc8.txt"] = "Marc8Tests (pairs)",
        ["gold/pymarc/test_utf8.txt"] = "Marc8Tests (pairs)",
        ["gold/pymarc/one.json"] = "GoldRenderingTests",
        ["gold/pymarc/batch.json"] = "GoldRenderingTests",
        ["gold/pymarc/test.json"] = "MARC-in-JSON of a record that is not in test.dat, and not valid JSON (raw line breaks in strings): parsed here only",
        ["gold/marc4j/summerland-marc-in-json.json"] = "GoldRenderingTests",
        ["gold/marc4j/summerland-marc-json.json"] = "old MARC-JSON (JavaScript object syntax, not JSON): checked here for the 001 only",
        ["gold/marc4j/marc-in-json.json"] = "old MARC-JSON (JavaScript object syntax, not JSON): checked here for the 001 only",
        ["gold/marc4j/brkrtest.mrk"] = "MarcEdit mnemonics in MARC-8 ({acute} etc.): the .mrk8 twin is the oracle used",
        ["gold/marc4j/brkrtest.mrk8"] = "GoldRenderingTests",
        ["gold/marc4j/u17_marc4j.mrk8"] = "GoldRenderingTests",
        ["gold/marcjs/bib-out.mij"] = "marcjs output of an edited record set (has fields bib.mrc lacks): parsed here only",
        ["gold/marc-perl/camel.mrk"] = "GoldRenderingTests",
        ["gold/marc-perl/mij_test.ndj"] = "GoldRenderingTests",
        ["gold/marc-perl/sample1.lif"] = "GoldRenderingTests",
        ["gold/marc-perl/sample20.lif"] = "GoldRenderingTests (MicroLIF parse)",
        ["gold/marc-perl/sample100.lif"] = "GoldRenderingTests (MicroLIF parse)",
    };

    [Fact]
    public void When_the_corpus_is_listed_Should_every_file_be_a_record_file_or_a_known_oracle()
    {
        var files = Corpus.AllDataFiles().ToList();

        var unknown = files.Where(f => !Corpus.IsIso2709(f) && !Corpus.IsMarcXml(f) && !f.EndsWith(".chr", StringComparison.Ordinal)
            && !f.EndsWith(".lst", StringComparison.Ordinal) && !(f.StartsWith("gold/yaz/", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal))
            && !Oracles.ContainsKey(f)).ToList();

        Assert.True(files.Count > 200, $"only {files.Count} corpus files found under {Corpus.Marc}");
        Assert.Empty(unknown);
    }

    [Fact]
    public void When_every_record_file_is_read_leniently_Should_yield_records_without_throwing()
    {
        var empty = new List<string>();
        foreach (var file in Corpus.AllDataFiles().Where(f => Corpus.IsIso2709(f) || Corpus.IsMarcXml(f)))
        {
            var path = Path.Combine(Corpus.Marc, file);
            var count = Corpus.IsMarcXml(file)
                ? MarcXmlReader.ReadFile(path, MarcReaderOptions.Lenient).Count()
                : Iso2709Reader.ReadFile(path, MarcReaderOptions.Lenient).Count();
            if (count == 0)
            {
                empty.Add(file);
            }
        }

        // Only the MARCXML files without any usable record are empty (BrokenRecordTests says why).
        Assert.Equal(["broken/marc-perl__xml_empty-record-2.xml", "broken/marc-perl__xml_empty-record.xml", "broken/marc-perl__xml_invalid.xml"], empty.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("gold/pymarc/test.json", "5674874")]
    [InlineData("gold/marc4j/summerland-marc-json.json", "12883376")]
    [InlineData("gold/marc4j/marc-in-json.json", "5674874")]
    [InlineData("gold/marcjs/bib-out.mij", "FRBNF")]
    [InlineData("gold/marc4j/brkrtest.mrk", "tes96000001")]
    public void When_an_oracle_without_a_twin_is_opened_Should_name_the_record_it_describes(string file, string controlNumber)
    {
        var text = File.ReadAllText(Path.Combine(Corpus.Marc, file));

        Assert.Contains(controlNumber, text, StringComparison.Ordinal);
    }
}
