using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>binary → model → binary over the whole corpus: byte-identical for clean UTF-8 records, idempotent for everything else.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> IsoFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "bib", "encoding", "holdings", "large", "gold/yaz", "gold/pymarc", "gold/marc4j", "gold/marcjs", "gold/marc-perl", "broken" })
        {
            foreach (var file in Corpus.DataFiles(folder).Where(Corpus.IsIso2709))
            {
                data.Add(file);
            }
        }

        return data;
    }

    /// <summary>The fields as text, without the ISO 2709 delimiters a damaged record can carry in its text (the writer drops them).</summary>
    private static string Body(MarcRecord record)
        => new([.. MarcLineWriter.ToText(record)[(MarcLeader.Length + 1)..].Where(c => c is not ('\u001D' or '\u001E' or '\u001F'))]);

    [Theory]
    [MemberData(nameof(IsoFiles))]
    public void When_a_corpus_record_is_read_and_written_Should_give_back_its_bytes_or_a_stable_utf8_equivalent(string file)
    {
        var path = Path.Combine(Corpus.Marc, file);
        var bytes = File.ReadAllBytes(path);
        var records = Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient with { CharacterSet = CorpusCharsets.For(file) }).ToList();
        var identical = 0;
        var charset = CorpusCharsets.For(file);
        var utf8 = ReferenceEquals(charset, MarcCharacterSet.Utf8) || ReferenceEquals(charset, MarcCharacterSet.FromLeader);
        foreach (var record in records)
        {
            byte[] written;
            try
            {
                written = Iso2709Writer.ToBytes(record);
            }
            catch (MarcFormatException e) when (e.Problem == MarcProblem.NotWritable)
            {
                // Only a damaged record may be beyond ISO 2709 (a recovered >9,999-byte field, a tag with a blank in it).
                Assert.True(record.Diagnostics.Any(d => d.Severity == MarcDiagnosticSeverity.Error), $"{file} record {record.RecordNumber}: {e.Message}");
                continue;
            }

            var original = bytes.AsSpan((int)record.ByteOffset, Math.Min(record.Leader.RecordLength, bytes.Length - (int)record.ByteOffset));
            if (utf8 && record.Diagnostics.Count == 0 && record.Leader[9] == 'a' && original.SequenceEqual(written))
            {
                identical++;
            }
            else if (utf8 && record.Diagnostics.Count == 0 && record.Leader[9] == 'a' && record.Leader.Value[10..12] == "22" && record.Leader.Value[20..23] == "450")
            {
                Assert.Fail($"{file} record {record.RecordNumber}: a clean UTF-8 record did not round-trip byte for byte");
            }

            var again = Assert.Single(Iso2709Reader.ReadAll(new MemoryStream(written), MarcReaderOptions.Strict));
            Assert.Equal(Body(record), Body(again));
            Assert.Equal(record.Leader.Value[5..9], again.Leader.Value[5..9]);
            Assert.Equal(written, Iso2709Writer.ToBytes(again));
        }

        Assert.True(records.Count == 0 || identical > 0 || !utf8 || records.Any(r => r.Leader[9] != 'a' || r.Diagnostics.Count > 0), $"{file}: no record round-tripped byte for byte");
    }
}
