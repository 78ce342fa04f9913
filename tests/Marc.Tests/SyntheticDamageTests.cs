using System.Text;

namespace Lsb.Hub.Marc.Tests;

/// <summary>Damage the corpus does not hold in pure form, made by hand from one clean record.</summary>
public sealed class SyntheticDamageTests
{
    private static readonly byte[] Clean = Iso2709Writer.ToBytes(new MarcRecord(new MarcLeader("00000nam a2200000 a 4500"),
    [
        new MarcControlField("001", "rec-1"),
        new MarcDataField("245", '1', '0', new MarcSubfield('a', "Pride and prejudice /"), new MarcSubfield('c', "Jane Austen.")),
    ]));

    [Fact]
    public void When_leader_length_is_not_a_number_Should_take_the_record_up_to_its_terminator_and_report_BadRecordLength()
    {
        var bytes = Clean.ToArray();
        bytes[2] = (byte)'x';

        var record = Assert.Single(Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient));
        var error = Assert.Throws<MarcFormatException>(() => Iso2709Reader.ReadAll(new MemoryStream(bytes)).ToList());

        Assert.Equal("rec-1", record.ControlNumber);
        Assert.Contains(record.Diagnostics, d => d.Problem == MarcProblem.BadRecordLength);
        Assert.Equal((MarcProblem.BadRecordLength, 1, 0L), (error.Problem, error.RecordNumber, error.ByteOffset));
    }

    [Fact]
    public void When_a_record_terminator_is_missing_before_the_next_record_Should_split_at_the_declared_length()
    {
        var bytes = Clean[..^1].Concat(Clean).ToArray();
        var fixedLength = Encoding.ASCII.GetBytes((Clean.Length - 1).ToString("00000", System.Globalization.CultureInfo.InvariantCulture));
        fixedLength.CopyTo(bytes, 0);

        var records = Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient).ToList();

        Assert.Equal(2, records.Count);
        Assert.Contains(records[0].Diagnostics, d => d.Problem == MarcProblem.RecordLengthMismatch && d.Message.Contains("missing", StringComparison.Ordinal));
        Assert.Empty(records[1].Diagnostics);
        Assert.Equal(Clean.Length - 1, records[1].ByteOffset);
    }

    [Fact]
    public void When_garbage_sits_between_records_Should_skip_it_report_it_and_read_the_next_record()
    {
        var bytes = Clean.Concat("\u001a\r\n***junk***"u8.ToArray()).Concat(Clean).ToArray();

        var records = Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient).ToList();
        var error = Assert.Throws<MarcFormatException>(() => Iso2709Reader.ReadAll(new MemoryStream(bytes)).ToList());

        Assert.Equal(2, records.Count);
        Assert.Equal(MarcProblem.GarbageSkipped, Assert.Single(records[1].Diagnostics).Problem);
        Assert.Equal((MarcProblem.GarbageSkipped, 2, (long)Clean.Length), (error.Problem, error.RecordNumber, error.ByteOffset));
    }

    [Fact]
    public void When_the_stream_ends_inside_a_record_Should_keep_its_complete_fields_and_report_the_truncation()
    {
        var bytes = Clean.Concat(Clean[..^12]).ToArray();

        var records = Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient).ToList();

        Assert.Equal(2, records.Count);
        Assert.Contains(records[1].Diagnostics, d => d.Problem == MarcProblem.TruncatedRecord);
        Assert.Equal("rec-1", records[1].ControlNumber);
    }

    [Fact]
    public void When_a_record_has_no_terminator_within_the_byte_limit_Should_skip_it_and_go_on()
    {
        var huge = new byte[300_000];
        Array.Fill(huge, (byte)'a');
        "99999"u8.CopyTo(huge);
        var bytes = huge.Concat(new byte[] { 0x1D }).Concat(Clean).ToArray();

        var records = Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient with { MaxRecordBytes = 100_000 }).ToList();

        var record = Assert.Single(records);
        Assert.Equal("rec-1", record.ControlNumber);
        Assert.Contains(record.Diagnostics, d => d.Problem == MarcProblem.RecordTooLong && d.RecordNumber == 1);
    }

    [Fact]
    public void When_a_field_length_in_the_directory_is_wrong_Should_locate_fields_by_their_terminators()
    {
        var bytes = Clean.ToArray();
        var entry = Encoding.ASCII.GetString(bytes, 24, 12);
        Assert.StartsWith("001", entry, StringComparison.Ordinal);
        bytes[24 + 6] = (byte)(bytes[24 + 6] + 1); // 001 length one too long

        var record = Assert.Single(Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient));

        Assert.Equal("rec-1", record.ControlNumber);
        Assert.Equal("Jane Austen.", record.GetDataField("245")!['c']);
        Assert.Contains(record.Diagnostics, d => d.Problem == MarcProblem.FieldLengthMismatch);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x1A })]
    [InlineData(new byte[] { 0x00, 0x20, 0x0D, 0x0A })]
    public void When_a_stream_holds_no_record_Should_yield_nothing(byte[] bytes)
    {
        using var reader = new Iso2709Reader(new MemoryStream(bytes), MarcReaderOptions.Strict);

        Assert.Null(reader.Read());
        Assert.All(reader.FileDiagnostics, d => Assert.Equal(MarcDiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void When_a_record_is_too_big_for_iso2709_Should_refuse_to_write_it_rather_than_truncate()
    {
        var record = new MarcRecord(new MarcLeader("00000nam a2200000 a 4500"), Enumerable.Range(0, 12).Select(_ => new MarcDataField("500", ' ', ' ', new MarcSubfield('a', new string('x', 9_000)))));

        var error = Assert.Throws<MarcFormatException>(() => Iso2709Writer.ToBytes(record));

        Assert.Equal(MarcProblem.NotWritable, error.Problem);
        Assert.Contains("99,999", error.Message, StringComparison.Ordinal);
    }
}
