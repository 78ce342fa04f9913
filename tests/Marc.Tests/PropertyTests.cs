using CsCheck;
using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>Random valid records survive write → read unchanged, in ISO 2709 and in MARCXML.</summary>
public sealed class PropertyTests
{
    [Fact]
    public void When_a_random_valid_record_is_written_as_iso2709_and_read_back_Should_be_unchanged()
    {
        RandomRecords.Record.Sample(record =>
        {
            var bytes = Iso2709Writer.ToBytes(record);
            var back = Assert.Single(Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Strict));

            Assert.Equal(RandomRecords.Shape(record), RandomRecords.Shape(back));
            Assert.Equal(bytes.Length, back.Leader.RecordLength);
            Assert.Equal(bytes, Iso2709Writer.ToBytes(back));
        }, iter: 2000);
    }

    [Fact]
    public void When_a_random_valid_record_is_written_as_marcxml_and_read_back_Should_be_unchanged()
    {
        RandomRecords.Record.Array[1, 4].Sample(records =>
        {
            var xml = MarcXmlTests.WriteXml(records);
            var back = MarcXmlReader.ReadAll(new MemoryStream(xml), MarcReaderOptions.Strict).ToList();

            Assert.Equal(records.Select(r => r.Leader.Value + MarcLineWriter.ToText(r)), back.Select(r => r.Leader.Value + MarcLineWriter.ToText(r)));
        }, iter: 1000);
    }

    [Fact]
    public void When_random_records_are_streamed_through_a_trickling_stream_Should_read_the_same_as_from_memory()
    {
        RandomRecords.Record.Array[1, 20].Sample(records =>
        {
            var buffer = new MemoryStream();
            Iso2709Writer.WriteAll(records, buffer);
            var bytes = buffer.ToArray();

            var trickled = Iso2709Reader.ReadAll(new TrickleStream(bytes, seed: bytes.Length), MarcReaderOptions.Strict).Select(RandomRecords.Shape).ToList();

            Assert.Equal(records.Select(RandomRecords.Shape), trickled);
        }, iter: 300);
    }
}
