using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>The hub's reading of each gold/ input matches the rendering its upstream project ships with it.</summary>
public sealed class GoldRenderingTests
{
    private static readonly MarcReaderOptions Lenient = MarcReaderOptions.Lenient;

    public static TheoryData<string, string> UpstreamPairs() => new()
    {
        // input (ISO 2709 or MARCXML), upstream rendering
        { "gold/yaz/marc0.marc", "gold/yaz/marc0.xml" },
        { "gold/yaz/marc3.marc", "gold/yaz/marc3.xml" },
        { "gold/yaz/marc5.marc", "gold/yaz/marc5.xml" },
        { "gold/yaz/marc6.marc", "gold/yaz/marc6.xml" },
        { "gold/yaz/marc7.marc", "gold/yaz/marc7.xml" },
        { "gold/yaz/marc8.marc", "gold/yaz/marc8.xml" },
        { "gold/yaz/marc9.marc", "gold/yaz/marc9.xml" },
        { "gold/yaz/marc12.marc", "gold/yaz/marc12.xml" },
        { "gold/yaz/marc0.marc", "gold/yaz/marc0.json" },
        { "gold/yaz/marc6.marc", "gold/yaz/marc6.json" },
        { "gold/yaz/marc9.marc", "gold/yaz/marc9.json" },
        { "gold/yaz/marc12.marc", "gold/yaz/marc12.json" },
        { "gold/pymarc/one.dat", "gold/pymarc/one.json" },
        { "gold/pymarc/batch.xml", "gold/pymarc/batch.json" },
        { "gold/marc4j/summerland.mrc", "gold/marc4j/summerland.xml" },
        { "gold/marc4j/summerland.mrc", "gold/marc4j/summerland-marc-in-json.json" },
        { "gold/marc4j/chabon.mrc", "gold/marc4j/chabon.xml" },
        { "gold/marc4j/brkrtest.mrc", "gold/marc4j/brkrtest_UTF8.mrc" },
        { "gold/marc4j/brkrtest_UTF8.mrc", "gold/marc4j/brkrtest.mrk8" },
        { "gold/marc4j/u17_utf8.mrc", "gold/marc4j/u17_marc4j.mrk8" },
        { "gold/marcjs/bib.mrc", "gold/marcjs/bib.xml" },
        { "gold/marc-perl/camel.usmarc", "gold/marc-perl/camel.mrk" },
        { "gold/marc-perl/mij_test.mrc", "gold/marc-perl/mij_test.ndj" },
        { "gold/marc-perl/sample1.usmarc", "gold/marc-perl/sample1.lif" },
        { "encoding/folio-mt__diac-4-theo-marc8-from-sierra.mrc", "encoding/folio-mt__diac-4-theo-utf8-marcedit.mrc" },
        { "encoding/marc4j__brkrtest.mrc", "encoding/marc4j__brkrtest_UTF8.mrc" },
    };

    [Theory]
    [MemberData(nameof(UpstreamPairs))]
    public void When_a_gold_input_is_read_Should_match_the_upstream_rendering_field_for_field(string input, string rendering)
    {
        var actual = Read(input);
        var expected = Read(rendering);

        // A converter's output for damaged MARC-8 (codes with no character) is not an oracle: compare the clean records.
        var converted = Corpus.IsIso2709(rendering);
        var damaged = !converted ? [] : actual.Select((r, i) => (r, i)).Where(x => x.r.Diagnostics.Any(d => d.Severity == MarcDiagnosticSeverity.Error)).Select(x => x.i).ToHashSet();
        Assert.True(damaged.Count <= actual.Count / 2, $"{damaged.Count} of {actual.Count} records of {input} are damaged");
        actual = [.. actual.Where((_, i) => !damaged.Contains(i))];
        expected = [.. expected.Where((_, i) => !damaged.Contains(i))];

        var differences = RecordComparison.Differences(expected, actual, RecordComparison.MeaningfulLeader);

        Assert.True(differences.Count == 0, $"{input} vs {rendering}: {differences.Count} difference(s)\n{string.Join('\n', differences.Take(10))}");
    }

    [Theory]
    [InlineData("gold/yaz/marccol1.u8")]
    [InlineData("gold/yaz/marccol2.u8")]
    [InlineData("gold/yaz/marccol3.u8")]
    [InlineData("gold/yaz/marccol4.u8")]
    [InlineData("gold/yaz/marccol5.u8")]
    public void When_a_non_latin_yaz_collection_is_read_Should_match_yaz_upstream_line_dump(string stem)
    {
        var records = Read(stem + ".marc");
        var expected = YazDump.Parse(Path.Combine(Corpus.Marc, stem + ".1.lst"));

        var differences = YazComparison.Compare(stem + ".marc", records, expected);

        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(10)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    public void When_yaz_gold_marcxml_is_written_as_iso2709_Should_equal_yaz_upstream_bytes(int n)
    {
        var record = Assert.Single(MarcXmlReader.ReadFile(Path.Combine(Corpus.Marc, $"gold/yaz/marc{n}.xml"), Lenient));
        var expected = File.ReadAllBytes(Path.Combine(Corpus.Marc, $"gold/yaz/marc{n}.xml.marc"));

        var written = Iso2709Writer.ToBytes(record);

        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(written));
    }

    [Fact]
    public void When_the_microlif_samples_are_parsed_Should_hold_every_record_with_a_title()
    {
        var twenty = GoldFormats.ReadMicroLif(Path.Combine(Corpus.Marc, "gold/marc-perl/sample20.lif"));
        var hundred = GoldFormats.ReadMicroLif(Path.Combine(Corpus.Marc, "gold/marc-perl/sample100.lif"));

        Assert.Equal(20, twenty.Count);
        Assert.Equal(100, hundred.Count);
        Assert.All(twenty.Concat(hundred), r => Assert.NotNull(r.GetDataField("245")));
    }

    internal static List<MarcRecord> Read(string relative)
    {
        var path = Path.Combine(Corpus.Marc, relative);
        return Path.GetExtension(relative) switch
        {
            ".xml" => [.. MarcXmlReader.ReadFile(path, Lenient)],
            ".json" or ".mij" or ".ndj" => GoldFormats.ReadMarcInJson(path),
            ".mrk" or ".mrk8" => GoldFormats.ReadMnemonic(path),
            ".lif" => GoldFormats.ReadMicroLif(path),
            _ => [.. Iso2709Reader.ReadFile(path, Lenient with { CharacterSet = CorpusCharsets.For(relative) })],
        };
    }
}
