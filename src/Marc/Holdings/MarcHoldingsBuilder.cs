using System.Globalization;

namespace Lsb.Hub.Marc.Holdings;

/// <summary>
/// Builds a MARC 21 holdings record (MFHD) from simple item data: leader/06 <c>x</c> (single-part, default) or
/// <c>y</c> (serial), 001/003 when given, 004 link to the bibliographic record, 005, 008, one 852 location with $8 1,
/// optional 866 statements, and one 876 per item ($8 1.n). What <see cref="MarcHoldings.ReadItems"/> reads back from
/// the built record is what was put in. The result MUST still pass the ISO 2709 writer's limits (a few hundred items).
/// </summary>
public sealed class MarcHoldingsBuilder
{
    private readonly string bibliographicControlNumber;
    private readonly List<HoldingsItem> items = [];
    private readonly List<string> statements = [];
    private HoldingsLocation location = new();
    private string? controlNumber;
    private string? controlNumberIdentifier;
    private char typeOfRecord = 'x';
    private DateTimeOffset timestamp = DateTimeOffset.UtcNow;

    /// <summary>Starts a holdings record for the bibliographic record with 001 <paramref name="bibliographicControlNumber"/> (written to 004).</summary>
    public MarcHoldingsBuilder(string bibliographicControlNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bibliographicControlNumber);
        this.bibliographicControlNumber = bibliographicControlNumber;
    }

    /// <summary>Holdings for a serial (leader/06 y) instead of a single-part item (x).</summary>
    public MarcHoldingsBuilder AsSerial()
    {
        typeOfRecord = 'y';
        return this;
    }

    /// <summary>001 of the holdings record and, optionally, 003 (the ISIL of the system that numbers it).</summary>
    public MarcHoldingsBuilder WithControlNumber(string number, string? identifier = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        controlNumber = number;
        controlNumberIdentifier = identifier;
        return this;
    }

    /// <summary>The 852: institution ($a), collection ($b), shelving location ($c), call number ($h, scheme 8 "other").</summary>
    public MarcHoldingsBuilder AtLocation(string institution, string? sublocation = null, string? shelvingLocation = null, string? callNumber = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(institution);
        location = new HoldingsLocation
        {
            Institution = institution,
            Sublocations = sublocation is null ? [] : [sublocation],
            ShelvingLocation = shelvingLocation,
            ClassificationPart = callNumber,
            ShelvingScheme = callNumber is null ? ' ' : '8',
        };
        return this;
    }

    /// <summary>Adds an 866 textual holdings statement (e.g. <c>2001-2024</c>).</summary>
    public MarcHoldingsBuilder WithTextualHoldings(string statement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        statements.Add(statement);
        return this;
    }

    /// <summary>Adds one item as an 876 ($a internal number, $j status, $p barcode, $t copy, $z/$x notes).</summary>
    public MarcHoldingsBuilder AddItem(HoldingsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        items.Add(item);
        return this;
    }

    /// <summary>Date entered (008/00-05), date of report (008/26-31) and 005; default now (UTC).</summary>
    public MarcHoldingsBuilder At(DateTimeOffset time)
    {
        timestamp = time;
        return this;
    }

    /// <summary>Builds the record. The leader's lengths are zero until the ISO 2709 writer computes them.</summary>
    public MarcRecord Build()
    {
        var leader = new MarcLeader($"00000n{typeOfRecord}  a2200000{(items.Count > 0 ? "4i" : "3n")} 4500");
        var record = new MarcRecord(leader);
        if (controlNumber is not null)
        {
            record.Fields.Add(new MarcControlField("001", controlNumber));
        }

        if (controlNumberIdentifier is not null)
        {
            record.Fields.Add(new MarcControlField("003", controlNumberIdentifier));
        }

        record.Fields.Add(new MarcControlField("004", bibliographicControlNumber));
        record.Fields.Add(new MarcControlField("005", timestamp.UtcDateTime.ToString("yyyyMMddHHmmss.f", CultureInfo.InvariantCulture)));
        var date = timestamp.UtcDateTime.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var copies = Math.Min(items.Count, 999).ToString("000", CultureInfo.InvariantCulture);
        record.Fields.Add(new MarcControlField("008", $"{date}0u    8   4{copies}uu   0{date}"));
        if (location.Institution is not null)
        {
            record.Fields.Add(BuildLocation());
        }

        foreach (var statement in statements)
        {
            record.Fields.Add(new MarcDataField("866", '4', '1', new MarcSubfield('8', "1"), new MarcSubfield('a', statement)));
        }

        for (var i = 0; i < items.Count; i++)
        {
            record.Fields.Add(BuildItem(items[i], i + 1));
        }

        return record;
    }

    private MarcDataField BuildLocation()
    {
        var subfields = new List<MarcSubfield> { new('8', "1"), new('a', location.Institution!) };
        subfields.AddRange(location.Sublocations.Select(s => new MarcSubfield('b', s)));
        Add(subfields, 'c', location.ShelvingLocation);
        Add(subfields, 'h', location.ClassificationPart);
        return new MarcDataField("852", location.ShelvingScheme, ' ', subfields);
    }

    private static MarcDataField BuildItem(HoldingsItem item, int sequence)
    {
        var subfields = new List<MarcSubfield> { new('8', string.Create(CultureInfo.InvariantCulture, $"1.{sequence}")) };
        Add(subfields, 'a', item.InternalItemNumber);
        Add(subfields, 'j', item.Status);
        Add(subfields, 'l', item.ShelvingLocation);
        Add(subfields, 'p', item.Barcode);
        Add(subfields, 't', item.CopyNumber);
        Add(subfields, 'x', item.NonpublicNote);
        Add(subfields, 'z', item.PublicNote);
        return new MarcDataField("876", ' ', ' ', subfields);
    }

    private static void Add(List<MarcSubfield> subfields, char code, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            subfields.Add(new MarcSubfield(code, value));
        }
    }
}
