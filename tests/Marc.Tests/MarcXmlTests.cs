using System.Xml;
using System.Xml.Schema;
using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>MARCXML reading against yaz's dumps of the same files, writing against MARC21slim.xsd, and lossless round trips.</summary>
public sealed class MarcXmlTests
{
    public static TheoryData<string> MarcXmlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "xml", "holdings", "encoding" })
        {
            foreach (var file in Corpus.DataFiles(folder).Where(Corpus.IsMarcXml))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MarcXmlFiles))]
    public void When_a_marcxml_corpus_file_is_read_Should_render_like_the_yaz_dump_field_for_field(string file)
    {
        if (file == "xml/marc-perl__namespace.xml")
        {
            var record = Assert.Single(MarcXmlReader.ReadFile(Path.Combine(Corpus.Marc, file), MarcReaderOptions.Lenient));
            Assert.Equal("022    $a 0148-2076", YazDump.Lines(record)[2]);
            Assert.Contains(record.Diagnostics, d => d.Severity == MarcDiagnosticSeverity.Warning && d.Message.Contains("empty", StringComparison.Ordinal));
            return;
        }

        var records = MarcXmlReader.ReadFile(Path.Combine(Corpus.Marc, file), MarcReaderOptions.Lenient).ToList();
        var expected = YazDump.Parse(Path.Combine(Corpus.Marc, Path.GetDirectoryName(file)!, "expected", Path.GetFileName(file) + ".txt"));

        var differences = YazComparison.Compare(file, records, expected);

        Assert.True(differences.Count == 0, $"{file}: {string.Join('\n', differences.Take(10))}");
    }

    [Theory]
    [MemberData(nameof(MarcXmlFiles))]
    public void When_a_marcxml_corpus_file_is_written_as_iso2709_Should_hold_what_yaz_serialised(string file)
    {
        var expectedPath = Path.Combine(Corpus.Marc, Path.GetDirectoryName(file)!, "expected", Path.GetFileName(file) + ".iso2709.mrc");
        if (YazWrong.ContainsKey(file))
        {
            var round = new MemoryStream();
            Iso2709Writer.WriteAll(MarcXmlReader.ReadFile(Path.Combine(Corpus.Marc, file), MarcReaderOptions.Lenient), round);
            round.Position = 0;
            Assert.All(Iso2709Reader.ReadAll(round).SelectMany(r => r.Fields), f => Assert.Equal(3, f.Tag.Length));
            return;
        }

        var records = MarcXmlReader.ReadFile(Path.Combine(Corpus.Marc, file), MarcReaderOptions.Lenient).ToList();
        var yazBytes = File.ReadAllBytes(expectedPath);
        if (File.Exists(expectedPath.Replace(".iso2709.mrc", ".txt.stderr", StringComparison.Ordinal)))
        {
            records = [.. records.Skip(1)]; // yaz could not write the first record of this file
        }

        if (yazBytes.Length == 0)
        {
            // yaz could not write this file (documented in the corpus README); the hub can, and reads back what it wrote.
            var written = new MemoryStream();
            Iso2709Writer.WriteAll(records, written);
            written.Position = 0;
            Assert.Empty(RecordComparison.Differences(records, [.. Iso2709Reader.ReadAll(written)], RecordComparison.MeaningfulLeader));
            return;
        }

        var theirs = Iso2709Reader.ReadAll(new MemoryStream(yazBytes), MarcReaderOptions.Lenient with { CharacterSet = MarcCharacterSet.Utf8 }).ToList();
        var ours = new MemoryStream();
        Iso2709Writer.WriteAll(records, ours);
        ours.Position = 0;

        var differences = RecordComparison.Differences(theirs, [.. Iso2709Reader.ReadAll(ours)], RecordComparison.MeaningfulLeader);

        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(10)));
    }

    [Theory]
    [MemberData(nameof(MarcXmlFiles))]
    public void When_a_marcxml_corpus_file_is_read_and_written_again_Should_be_lossless_and_valid_against_the_schema(string file)
    {
        var original = MarcXmlReader.ReadFile(Path.Combine(Corpus.Marc, file), MarcReaderOptions.Lenient).ToList();

        var xml = WriteXml(original);
        var again = MarcXmlReader.ReadAll(new MemoryStream(xml), MarcReaderOptions.Lenient).ToList();

        Assert.Equal(original.Select(r => r.Leader.Value + MarcLineWriter.ToText(r)), again.Select(r => r.Leader.Value + MarcLineWriter.ToText(r)));
        Assert.Equal(xml, WriteXml(again));
        if (SchemaErrors(File.ReadAllBytes(Path.Combine(Corpus.Marc, file))).Count == 0)
        {
            // A schema-valid input MUST give schema-valid output (invalid inputs, e.g. leader '450 ', stay as they were).
            AssertValid(xml);
        }
    }

    [Fact]
    public void When_every_iso2709_record_of_the_corpus_is_written_as_marcxml_Should_validate_against_marc21slim_xsd()
    {
        var files = new[] { "bib", "encoding", "holdings", "large" }.SelectMany(Corpus.DataFiles).Where(Corpus.IsIso2709);
        var records = files.SelectMany(f => Iso2709Reader.ReadFile(Path.Combine(Corpus.Marc, f), MarcReaderOptions.Lenient))
            .Where(r => r.Diagnostics.Count == 0 && r.Fields.All(f => f is MarcControlField || !MarcField.IsControlTag(f.Tag)))
            .Where(r => r.Fields.OfType<MarcDataField>().All(f => IsSchemaIndicator(f.Indicator1) && IsSchemaIndicator(f.Indicator2) && f.Subfields.Count > 0))
            .Where(r => SchemaLeader.IsMatch(r.Leader.Value))
            .ToList();

        Assert.True(records.Count > 500, $"only {records.Count} conforming records");
        AssertValid(WriteXml(records));
    }

    [Fact]
    public void When_data_holds_xml_special_characters_Should_escape_them_and_read_them_back()
    {
        var record = Assert.Single(Iso2709Reader.ReadFile(Path.Combine(Corpus.Marc, "broken/marc-perl__xml_escape.mrc"), MarcReaderOptions.Strict));

        var xml = MarcXmlWriter.ToXml(record);
        var back = Assert.Single(MarcXmlReader.ReadAll(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))));

        Assert.Contains("<subfield code=\"&lt;\">France</subfield>", xml, StringComparison.Ordinal);
        Assert.Equal(MarcLineWriter.ToText(record), MarcLineWriter.ToText(back));
    }

    [Fact]
    public void When_a_bare_prefixed_record_is_read_Should_give_the_same_record_as_a_plain_collection()
    {
        const string prefixed = """<m:record xmlns:m="http://www.loc.gov/MARC21/slim"><m:leader>00000nam a2200000 a 4500</m:leader><m:controlfield tag="001">x1</m:controlfield><m:datafield tag="245" ind1="1" ind2="0"><m:subfield code="a">T</m:subfield></m:datafield></m:record>""";
        const string plain = """<collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">x1</controlfield><datafield tag="245" ind1="1" ind2="0"><subfield code="a">T</subfield></datafield></record></collection>""";

        var a = Assert.Single(MarcXmlReader.ReadAll(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(prefixed))));
        var b = Assert.Single(MarcXmlReader.ReadAll(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(plain))));

        Assert.Equal(MarcLineWriter.ToText(b), MarcLineWriter.ToText(a));
        Assert.Equal("245 10 $a T", MarcLineWriter.ToText(a).Split('\n')[2]);
    }

    internal static byte[] WriteXml(IEnumerable<MarcRecord> records)
    {
        var stream = new MemoryStream();
        MarcXmlWriter.WriteCollection(records, stream);
        return stream.ToArray();
    }

    private static readonly System.Text.RegularExpressions.Regex SchemaLeader = new(@"^[\d ]{5}[\dA-Za-z ]{1}[\dA-Za-z]{1}[\dA-Za-z ]{3}(2| )(2| )[\d ]{5}[\dA-Za-z ]{3}(4500|    )$");

    /// <summary>Files where yaz's reading is wrong (docs/marc.md): empty ind1/ind2 attributes make yaz shift the other indicator; yaz writes tag "42" as " 42".</summary>
    private static readonly Dictionary<string, string> YazWrong = new()
    {
        ["xml/marc-perl__namespace.xml"] = "empty ind1/ind2 attributes",
        ["xml/ruby-marc__no-leading-zero.xml"] = "the hub pads tag 42 to 042; yaz writes ' 42'",
    };

    private static bool IsSchemaIndicator(char c) => c is ' ' or (>= '0' and <= '9') or (>= 'a' and <= 'z');

    internal static void AssertValid(byte[] xml)
    {
        var errors = SchemaErrors(xml);
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(10)));
    }

    internal static List<string> SchemaErrors(byte[] xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Corpus.Schema);
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            errors.Add(e.Message);
        }

        return errors;
    }
}
