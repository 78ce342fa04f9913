using Lsb.Hub.Marc.Holdings;
using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>Holdings helpers against real holdings records (FOLIO, marc4j, MARC::Record) and a build-then-read round trip.</summary>
public sealed class HoldingsTests
{
    [Fact]
    public void When_a_serial_holdings_record_is_read_Should_expose_links_location_and_textual_holdings()
    {
        var record = Read("holdings/folio-it__marcHoldings.mrc")[0];

        var links = MarcHoldings.ReadLinks(record);
        var location = Assert.Single(MarcHoldings.ReadLocations(record));
        var statements = MarcHoldings.ReadTextualHoldings(record);

        Assert.Equal(MarcRecordKind.HoldingsSerial, record.Kind);
        Assert.True(record.Leader.IsHoldings);
        Assert.Equal("in00000000001", links.BibliographicControlNumber);
        Assert.Equal(["ABP6388CU001"], links.LinkageNumbers);
        Assert.Equal(["KU/CC/DI/A"], location.Sublocations);
        Assert.Equal("BR140 .J86", location.CallNumber);
        Assert.Equal('0', location.ShelvingScheme);
        Assert.Equal(["Current issues in Periodicals Room"], location.PublicNotes);
        Assert.Equal(["dbe=c", "CHECK-IN RECORD CREATED"], location.NonpublicNotes);
        Assert.Equal(
            [(TextualHoldingsKind.BasicUnit, "v.54-68 (2003-2017)"), (TextualHoldingsKind.Supplements, "\"Table of cases\""), (TextualHoldingsKind.Indexes, "v.1/50 (1950/1999)")],
            statements.Select(s => (s.Kind, s.Statement)));
    }

    [Fact]
    public void When_single_part_holdings_are_read_Should_report_kind_x_and_the_bibliographic_link()
    {
        var records = Read("holdings/folio-mt__mfhd_holding.mrc");

        Assert.All(records, r => Assert.Equal(MarcRecordKind.HoldingsSinglePart, r.Kind));
        Assert.Equal("7611780    ", MarcHoldings.ReadLinks(records[0]).BibliographicControlNumber);
        Assert.Equal("QB611 .C44", MarcHoldings.ReadLocations(records[0])[0].CallNumber);
    }

    [Fact]
    public void When_a_bibliographic_record_embeds_852_with_a_piece_designation_Should_read_it_as_an_item()
    {
        var record = Read("large/marc4j__pride-and-prejudice-fixed.mrc").First(r => r.GetDataFields("852").Any(f => f['p'] is not null) && !r.GetDataFields("876").Any());

        var item = Assert.Single(MarcHoldings.ReadItems(record), i => i.SourceTag == "852");

        Assert.NotNull(item.Barcode);
        Assert.Equal(record.GetDataField("852")!['p'], item.Barcode);
        Assert.Equal(record.GetDataField("852")!['a'], item.Location);
    }

    [Fact]
    public void When_items_in_876_link_to_852_by_their_link_number_Should_take_location_and_call_number_from_that_852()
    {
        var record = new MarcRecord(new MarcLeader("00000ny  a2200000 i 4500"),
        [
            new MarcControlField("004", "bib-1"),
            new MarcDataField("852", '8', ' ', new MarcSubfield('8', "1"), new MarcSubfield('a', "NL-AmOBA"), new MarcSubfield('b', "JEUGD"), new MarcSubfield('h', "AUST")),
            new MarcDataField("852", '8', ' ', new MarcSubfield('8', "2"), new MarcSubfield('a', "NL-AmOBA-Oost"), new MarcSubfield('h', "ROMA AUST")),
            new MarcDataField("876", ' ', ' ', new MarcSubfield('8', "2.1"), new MarcSubfield('p', "30001000123456"), new MarcSubfield('j', "available")),
            new MarcDataField("877", ' ', ' ', new MarcSubfield('8', "1.1"), new MarcSubfield('p', "30001000654321"), new MarcSubfield('j', "on loan"), new MarcSubfield('t', "2")),
        ]);

        var items = MarcHoldings.ReadItems(record);

        Assert.Equal(2, items.Count);
        Assert.Equal(("30001000123456", "NL-AmOBA-Oost", "ROMA AUST", "available", "876"), (items[0].Barcode, items[0].Location, items[0].CallNumber, items[0].Status, items[0].SourceTag));
        Assert.Equal(("30001000654321", "NL-AmOBA", "JEUGD", "AUST", "on loan", "2"), (items[1].Barcode, items[1].Location, items[1].Sublocation, items[1].CallNumber, items[1].Status, items[1].CopyNumber));
    }

    [Fact]
    public void When_876_to_878_come_from_a_real_file_Should_read_one_item_per_field()
    {
        var records = Read("holdings/folio-it__FAT-3760_876-878.mrc");

        var items = records.SelectMany(r => MarcHoldings.ReadItems(r)).ToList();

        Assert.Equal(records.Sum(r => r.Fields.Count(f => f.Tag is "876" or "877" or "878")), items.Count);
        Assert.Contains(items, i => i.SourceTag == "878");
    }

    [Fact]
    public void When_a_local_item_field_map_is_given_Should_read_each_local_field_as_an_item()
    {
        var record = Read("holdings/folio-it__MultipleHold_AndItems_949x.mrc")[0];
        var map = new LocalItemFieldMap { Tag = "945", Location = 'h', Sublocation = 'a', Status = 'c' };

        var items = MarcHoldings.ReadItems(record, map);

        Assert.Equal(record.GetDataFields("945").Count, items.Count);
        Assert.Equal(("KU/CC/DI/M", "book", "E"), (items[0].Location, items[0].Sublocation, items[0].Status));
        Assert.Null(items[0].Barcode);
    }

    [Fact]
    public void When_the_koha_map_reads_a_952_Should_map_barcode_branch_and_call_number()
    {
        var record = new MarcRecord(new MarcLeader("00000nam a2200000 a 4500"),
            [new MarcDataField("952", ' ', ' ', new MarcSubfield('a', "CPL"), new MarcSubfield('b', "MPL"), new MarcSubfield('o', "823 AUS"), new MarcSubfield('p', "39999000001234"), new MarcSubfield('7', "0"))]);

        var item = Assert.Single(MarcHoldings.ReadItems(record, LocalItemFieldMap.Koha));

        Assert.Equal(("39999000001234", "CPL", "MPL", "823 AUS", "0", "952"), (item.Barcode, item.Location, item.Sublocation, item.CallNumber, item.Status, item.SourceTag));
    }

    [Fact]
    public void When_a_local_item_field_map_names_a_control_field_Should_refuse_it_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalItemFieldMap { Tag = "001", Barcode = 'p' }.Validate());

        Assert.Contains("control field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_holdings_are_built_from_items_Should_read_back_the_same_items_after_an_iso2709_round_trip()
    {
        var items = new[]
        {
            new HoldingsItem { Barcode = "30001000123456", Status = "available", CopyNumber = "1", PublicNote = "Grote letter" },
            new HoldingsItem { Barcode = "30001000654321", Status = "on loan", InternalItemNumber = "i-77", NonpublicNote = "rug beschadigd" },
        };
        var builder = new MarcHoldingsBuilder("PPN123456789").WithControlNumber("h-1", "NL-AmOBA").AtLocation("NL-AmOBA", "VOLW", "Romans", "ROMA AUST").WithTextualHoldings("1 dl.").At(new DateTimeOffset(2026, 11, 29, 8, 30, 0, TimeSpan.Zero));
        foreach (var item in items)
        {
            builder.AddItem(item);
        }

        var bytes = Iso2709Writer.ToBytes(builder.Build());
        var record = Assert.Single(Iso2709Reader.ReadAll(new MemoryStream(bytes)));
        var read = MarcHoldings.ReadItems(record);

        Assert.Equal(MarcRecordKind.HoldingsSinglePart, record.Kind);
        Assert.Equal("PPN123456789", MarcHoldings.ReadLinks(record).BibliographicControlNumber);
        Assert.Equal(32, record.GetControlField("008")!.Value.Length);
        Assert.Equal("2611290u    8   4002uu   0261129", record.GetControlField("008")!.Value);
        Assert.Equal(2, read.Count);
        for (var i = 0; i < items.Length; i++)
        {
            var expected = items[i] with { Location = "NL-AmOBA", Sublocation = "VOLW", ShelvingLocation = "Romans", CallNumber = "ROMA AUST", LinkAndSequence = $"1.{i + 1}", SourceTag = "876" };
            Assert.Equal(expected, read[i]);
        }
    }

    [Fact]
    public void When_serial_holdings_are_built_Should_set_leader_06_to_y()
    {
        var record = new MarcHoldingsBuilder("bib-9").AsSerial().AtLocation("NL-HaKB").WithTextualHoldings("1990-2020").Build();

        Assert.Equal(MarcRecordKind.HoldingsSerial, record.Kind);
        Assert.Equal("1990-2020", Assert.Single(MarcHoldings.ReadTextualHoldings(record)).Statement);
        Assert.Empty(MarcHoldings.ReadItems(record));
    }

    private static List<MarcRecord> Read(string relative)
        => [.. Iso2709Reader.ReadFile(Path.Combine(Corpus.Marc, relative), MarcReaderOptions.Lenient)];
}
