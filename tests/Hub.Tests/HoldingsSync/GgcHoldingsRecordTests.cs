using System.Text;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Records;
using Lsb.Hub.Marc;
using Lsb.Hub.Marc.Holdings;

namespace Lsb.Hub.Tests.HoldingsSync;

public sealed class GgcHoldingsRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly CatalogueCopy Copy = new("hld-0195f0c8a4b37c1e9d2a000000000001", "NL-0851010000", "35100000001234", "41234567X", "9789023466123",
        "12345", "Volwassenen romans", "ROMAN REVE", "Book", true);

    [Fact]
    public void When_a_copy_is_added_Should_write_a_holdings_record_GGC_reads_back_field_for_field()
    {
        var bytes = Iso2709Writer.ToBytes(GgcHoldingsRecord.Build(SyncAction.Add, Copy, "NL-LSBHUB", At));
        using var stream = new MemoryStream(bytes);
        var record = Assert.Single(Iso2709Reader.ReadAll(stream, MarcReaderOptions.Strict));
        Assert.Equal('n', record.Leader.RecordStatus);
        Assert.Equal(MarcRecordKind.HoldingsSinglePart, record.Kind);
        Assert.Equal(Copy.HoldingId, record.ControlNumber);
        Assert.Equal("NL-LSBHUB", record.GetControlField("003")?.Value);
        Assert.Equal("41234567X", record.GetControlField("004")?.Value);
        Assert.Equal("9789023466123", record.GetDataField("020")?['a']);
        Assert.Equal("(OCoLC)12345", record.GetDataField("035")?['a']);
        var location = Assert.Single(MarcHoldings.ReadLocations(record));
        Assert.Equal("NL-0851010000", location.Institution);
        Assert.Equal(["Volwassenen romans"], location.Sublocations);
        Assert.Equal("ROMAN REVE", location.CallNumber);
        Assert.Equal("35100000001234", Assert.Single(MarcHoldings.ReadItems(record)).Barcode);
        Assert.Equal("Book", record.GetDataField("950")?['a']);
        Assert.Equal("j", record.GetDataField("950")?['b']);
        Assert.Equal(record.Fields.Select(f => f.Tag).Order(StringComparer.Ordinal), record.Fields.Select(f => f.Tag));
    }

    [Fact]
    public void When_a_copy_is_deleted_Should_carry_only_what_identifies_it()
    {
        var record = GgcHoldingsRecord.Build(SyncAction.Delete, CatalogueCopy.Gone(Copy.HoldingId, Copy.Isil, Copy.Barcode, "41234567X"), "NL-LSBHUB", At);
        Assert.Equal('d', record.Leader.RecordStatus);
        Assert.Equal(["001", "003", "004", "005", "008", "852", "876"], record.Fields.Select(f => f.Tag));
    }

    [Fact]
    public void When_only_the_date_differs_Should_have_the_same_digest_and_when_the_shelfmark_differs_another()
    {
        var digest = RecordDigest.OfRecord(GgcHoldingsRecord.Build(SyncAction.Add, Copy, "NL-LSBHUB", At));
        Assert.Equal(digest, RecordDigest.OfRecord(GgcHoldingsRecord.Build(SyncAction.Change, Copy, "NL-LSBHUB", At.AddDays(3))));
        Assert.NotEqual(digest, RecordDigest.OfRecord(GgcHoldingsRecord.Build(SyncAction.Add, Copy with { Shelfmark = "ROMAN MULI" }, "NL-LSBHUB", At)));
    }

    [Fact]
    public void When_the_copy_has_no_PPN_Should_point_004_at_the_ISBN_then_the_OCLC_number()
    {
        Assert.Equal("(ISBN)9789023466123", (Copy with { Ppn = null }).BibReference);
        Assert.Equal("(OCoLC)12345", (Copy with { Ppn = null, Isbn13 = null }).BibReference);
        Assert.Null((Copy with { Ppn = null, Isbn13 = null, OclcNumber = null }).BibReference);
        Assert.Contains("0195f0c8", Encoding.ASCII.GetString(Iso2709Writer.ToBytes(GgcHoldingsRecord.Build(SyncAction.Add, Copy with { Ppn = null }, "X", At))), StringComparison.Ordinal);
    }
}
