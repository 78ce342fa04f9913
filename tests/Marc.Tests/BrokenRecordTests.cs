using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>
/// Each file in broken/ yields the documented outcome (docs/marc.md, "What each broken file yields"): lenient mode
/// returns the records it can and reports the named problems; strict mode throws MarcFormatException with the named
/// first problem, or reads the file when it is only non-conforming. Nothing else is ever thrown.
/// </summary>
public sealed class BrokenRecordTests
{
    /// <summary>file, records in lenient mode, problems lenient mode MUST report, the problem strict mode throws (null: reads fine).</summary>
    public static TheoryData<string, int, string, string?> Outcomes() => new()
    {
        { "folio-it__marcAuthorityInvalid_len.mrc", 1, "RecordLengthMismatch FieldLengthMismatch", "RecordLengthMismatch" },
        { "folio-mt__control_char_corrupt_ldr05.mrc", 1, "NonStandardLeader", null },
        { "folio-mt__corrupt_leader.mrc", 1, "NonStandardLeader", null },
        { "folio-mt__crashes.mrc", 1, "", null },
        { "marc-perl__baddir.usmarc", 1, "BadBaseAddress FieldLengthMismatch FieldOutOfBounds", "BadBaseAddress" },
        { "marc-perl__badind.usmarc", 1, "BadIndicator", null },
        { "marc-perl__badldr.usmarc", 6, "GarbageSkipped TruncatedRecord", "GarbageSkipped" },
        { "marc-perl__cameleof.usmarc", 10, "FillerSkipped", null },
        { "marc-perl__filler.usmarc", 3, "FillerSkipped", null },
        { "marc-perl__sample1eof.usmarc", 1, "FillerSkipped", null },
        { "marc-perl__xml_escape.mrc", 1, "", null },
        { "marc4j__008008027.mrc", 19, "TruncatedRecord", "TruncatedRecord" },
        { "marc4j__bad-characters-in-various-fields.mrc", 1, "NonStandardLeader", null },
        { "marc4j__bad_hathi_records.mrc", 5, "RecordTooLong RecordLengthMismatch BadBaseAddress", "RecordLengthMismatch" },
        { "marc4j__bad_leaders_10_11.mrc", 1, "NonStandardLeader", null },
        { "marc4j__bad_oversize_field_bad_directory.mrc", 5, "BadDirectory FieldLengthMismatch", "BadDirectory" },
        { "marc4j__bad_too_long_plus_2.mrc", 3, "RecordLengthMismatch RecordTooLong", "RecordLengthMismatch" },
        { "marc4j__datos-20161010-slice.mrc", 1, "RecordLengthMismatch RecordTooLong", "RecordLengthMismatch" },
        { "marc4j__incomplete_esc_seq.mrc", 1, "BadMarc8Escape UnmappedMarc8Character", "UnmappedMarc8Character" },
        { "marc4j__kan1222221.mrc", 1, "", null },
        { "marc4j__not_unimarc_errors_3.mrc", 3, "BadIndicator", "BadIndicator" },
        { "marc4j__pride-and-prejudice-with-many-errors.mrc", 383, "InvalidUtf8 BadDirectory BadIndicator", "InvalidUtf8" },
        { "marc4j__samples_error.mrc", 1, "RecordLengthMismatch FieldLengthMismatch", "RecordLengthMismatch" },
        { "marc4j__unordered-directory-entries.mrc", 1, "", null },
        { "pymarc__bad_eacc_encoding.dat", 1, "UnmappedMarc8Character", "UnmappedMarc8Character" },
        { "pymarc__bad_indicator.dat", 1, "BadIndicator FillerSkipped", "BadIndicator" },
        { "pymarc__bad_marc8_escape.dat", 1, "BadMarc8Escape", "BadMarc8Escape" },
        { "pymarc__bad_records.mrc", 8, "BadBaseAddress BadDirectory FieldLengthMismatch", "BadBaseAddress" },
        { "pymarc__bad_subfield_code.dat", 1, "RecordLengthMismatch FieldLengthMismatch", "RecordLengthMismatch" },
        { "pymarc__utf8_errors.dat", 1, "", null },
        { "pymarc__utf8_invalid.mrc", 1, "BadIndicator", null },
        { "ruby-marc__bad_eacc_encoding.marc8.marc", 1, "UnmappedMarc8Character", "UnmappedMarc8Character" },
        { "ruby-marc__marc_with_bad_utf8.utf8.marc", 1, "RecordLengthMismatch FieldLengthMismatch", "RecordLengthMismatch" },
        { "ruby-marc__non-numeric.dat", 1, "", null },
        { "ruby-marc__utf8_with_bad_bytes.marc", 1, "InvalidUtf8", "InvalidUtf8" },
        { "marc-perl__xml_empty-record.xml", 0, "BadXmlRecord", "BadXmlRecord" },
        { "marc-perl__xml_empty-record-2.xml", 0, "BadXmlRecord", "BadXmlRecord" },
        { "marc-perl__xml_invalid.xml", 0, "BadXmlRecord", "BadXmlRecord" },
        { "marc4j__chabon-bad-subfields-element.xml", 1, "BadXmlRecord", "BadXmlRecord" },
        { "marc4j__chabon-missing-controlfield-tag.xml", 1, "BadXmlRecord", "BadXmlRecord" },
        { "marc4j__chabon-missing-datafield-tag.xml", 1, "BadXmlRecord", "BadXmlRecord" },
        { "marc4j__chabon-missing-subfield-code.xml", 1, "BadXmlRecord", "BadXmlRecord" },
        { "marc4j__chabon-record-type-bad.xml", 2, "BadXmlRecord", null },
        { "pymarc__bad_tag.xml", 1, "BadXmlRecord", "BadXmlRecord" },
        { "ruby-marc__messed_up_leader.xml", 1, "", null },
        { "ruby-marc__three-records-second-bad.xml", 1, "BadXml", "BadXml" },
    };

    [Fact]
    public void When_the_broken_folder_is_listed_Should_have_a_documented_outcome_for_every_file()
    {
        var documented = Outcomes().Select(row => (string)((ITheoryDataRow)row).GetData()[0]!).ToHashSet();

        var undocumented = Corpus.DataFiles("broken").Select(Path.GetFileName).Where(f => !documented.Contains(f!)).ToList();

        Assert.Empty(undocumented);
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void When_a_broken_file_is_read_leniently_Should_return_what_it_can_and_report_each_problem(string file, int records, string problems, string? strictProblem)
    {
        _ = strictProblem;
        var (read, diagnostics) = ReadLeniently(file);

        Assert.Equal(records, read.Count);
        var reported = diagnostics.Select(d => d.Problem.ToString()).ToHashSet();
        foreach (var problem in problems.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(problem, reported);
        }

        if (problems.Length == 0)
        {
            Assert.DoesNotContain(diagnostics, d => d.Severity == MarcDiagnosticSeverity.Error);
        }

        Assert.All(diagnostics, d => Assert.True(d.ByteOffset >= 0 && d.RecordNumber >= 0 && d.Message.Length > 10, d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void When_a_broken_file_is_read_strictly_Should_throw_the_documented_problem_with_record_and_offset(string file, int records, string problems, string? strictProblem)
    {
        _ = (records, problems);
        var path = Path.Combine(Corpus.Marc, "broken", file);

        var error = Record.Exception(() => Read(path, MarcReaderOptions.Strict).ToList());

        if (strictProblem is null)
        {
            Assert.Null(error);
            return;
        }

        var format = Assert.IsType<MarcFormatException>(error);
        Assert.Equal(strictProblem, format.Problem.ToString());
        Assert.Contains($"MARC record {format.RecordNumber} at byte offset {format.ByteOffset}", format.Message, StringComparison.Ordinal);
        Assert.True(format.RecordNumber >= 1);
    }

    [Fact]
    public void When_pride_and_prejudice_with_many_errors_is_read_leniently_Should_recover_every_record_the_fixed_file_has()
    {
        var damaged = Iso2709Reader.ReadFile(Path.Combine(Corpus.Marc, "broken/marc4j__pride-and-prejudice-with-many-errors.mrc"), MarcReaderOptions.Lenient).ToList();
        var fixedRecords = Iso2709Reader.ReadFile(Path.Combine(Corpus.Marc, "large/marc4j__pride-and-prejudice-fixed.mrc"), MarcReaderOptions.Strict).ToList();

        Assert.Equal(fixedRecords.Count, damaged.Count);
        Assert.Equal(fixedRecords.Select(r => r.ControlNumber), damaged.Select(r => r.ControlNumber));
        Assert.Equal(fixedRecords.Select(r => r.Fields.Count), damaged.Select(r => r.Fields.Count));
    }

    [Fact]
    public void When_a_record_is_over_99999_bytes_Should_be_read_whole_and_reported_and_the_next_record_still_read()
    {
        var records = Iso2709Reader.ReadFile(Path.Combine(Corpus.Marc, "broken/marc4j__bad_hathi_records.mrc"), MarcReaderOptions.Lenient).ToList();

        var oversized = records[3];
        Assert.Contains(oversized.Diagnostics, d => d.Problem == MarcProblem.RecordTooLong && d.ByteOffset == 6343);
        Assert.True(oversized.Fields.Count > 100, $"only {oversized.Fields.Count} fields recovered");
        Assert.Empty(records[4].Diagnostics);
    }

    internal static (List<MarcRecord> Records, List<MarcDiagnostic> Diagnostics) ReadLeniently(string file)
    {
        var path = Path.Combine(Corpus.Marc, "broken", file);
        var diagnostics = new List<MarcDiagnostic>();
        var records = new List<MarcRecord>();
        using var stream = File.OpenRead(path);
        if (Corpus.IsMarcXml(file))
        {
            using var reader = new MarcXmlReader(stream, MarcReaderOptions.Lenient);
            while (reader.Read() is { } record)
            {
                records.Add(record);
            }

            diagnostics.AddRange(reader.FileDiagnostics);
        }
        else
        {
            using var reader = new Iso2709Reader(stream, MarcReaderOptions.Lenient, leaveOpen: true);
            while (reader.Read() is { } record)
            {
                records.Add(record);
            }

            diagnostics.AddRange(reader.FileDiagnostics);
        }

        diagnostics.AddRange(records.SelectMany(r => r.Diagnostics));
        return (records, diagnostics);
    }

    private static IEnumerable<MarcRecord> Read(string path, MarcReaderOptions options)
        => Corpus.IsMarcXml(path) ? MarcXmlReader.ReadFile(path, options) : Iso2709Reader.ReadFile(path, options);
}
