using Lsb.Hub.Adapters.Brocade.Mapping;
using Lsb.Hub.Adapters.Brocade.Reading;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Marc;

namespace Lsb.Hub.Adapters.Brocade.Translation;

/// <summary>
/// A copy from a holdings record (docs/vendors/brocade.md): 001 copy number, 004 title number, 020 ISBN, 035
/// <c>(NL-GGC)</c>PPN, 852 $a library $b branch $c location $h shelfmark, 876 $p barcode $j status, local 960 $a title
/// $c author $m material $i lendable for IBL (J/N). Leader/05 <c>d</c> (in a delta) or absence from a full export means
/// withdrawn. Read with the hub's MARC reader, strictly: a damaged record fails with its record number and byte offset.
/// </summary>
internal static class HoldingRecords
{
    public static CanonicalChange Translate(VendorChange change, ChangePayload payload, string installation, BrocadeMappings mappings)
    {
        var place = $"{payload.File} record {payload.RecordNumber} (byte {payload.ByteOffset})";
        MarcRecord record;
        try
        {
            using var stream = new MemoryStream(Convert.FromBase64String(payload.Iso2709 ?? string.Empty), writable: false);
            record = Iso2709Reader.ReadAll(stream, MarcReaderOptions.Strict).FirstOrDefault()
                ?? throw new IlsProtocolException($"{place} of Brocade installation '{installation}' holds no record.");
        }
        catch (Exception e) when (e is MarcFormatException or FormatException)
        {
            throw new IlsProtocolException($"{place} of Brocade installation '{installation}' is not a readable ISO 2709 record: {e.Message}. " +
                "Correct the copy in Brocade (the next export brings it again); the rest of the file was read.", e);
        }
        IlsProtocolException Problem(string what) => new($"{place} of Brocade installation '{installation}': {what}. Correct the copy in Brocade (the next export brings it again).");
        var location = record.GetDataField("852") ?? throw Problem("it has no 852 (library and branch)");
        var library = location['a'] ?? throw Problem("its 852 has no $a (library code)");
        var isil = mappings.BranchIsil(installation, library, location['b']);
        var id = record.ControlNumber ?? throw Problem("it has no 001 (copy number)");
        if (payload.Op == ChangePayload.GoneOp || record.Leader.RecordStatus == 'd')
            return new HoldingGone { LocalId = id, SourceEventId = change.SourceEventId, SourceVersion = change.SourceVersion, OccurredAt = change.ChangedAt, Isil = isil };
        var item = record.GetDataField("876") ?? throw Problem("it has no 876 (barcode and status)");
        var local = record.GetDataField("960") ?? throw Problem("it has no 960 (title, author, material)");
        var status = item['j'];
        var canonical = mappings.CopyStatus.Map(installation, status);
        var ppn = record.GetDataFields("035").Select(f => f['a']).FirstOrDefault(v => v?.StartsWith("(NL-GGC)", StringComparison.Ordinal) == true);
        return new HoldingSnapshot
        {
            LocalId = id,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = change.ChangedAt,
            Isil = isil,
            Barcode = item['p'],
            Bibliographic = new BibliographicIds(record.GetDataField("020")?['a'], ppn?["(NL-GGC)".Length..], null, record.GetControlField("004")?.Value),
            Title = local['a'] ?? throw Problem("its 960 has no $a (title)"),
            Author = local['c'],
            MaterialType = mappings.MaterialType.Map(installation, local['m']),
            Location = location['c'],
            Shelfmark = location['h'],
            Status = canonical,
            RawStatus = status,
            LendableForIbl = local['i'] == "J" && canonical is not (HoldingStatus.Withdrawn or HoldingStatus.NotForLoan),
        };
    }
}
