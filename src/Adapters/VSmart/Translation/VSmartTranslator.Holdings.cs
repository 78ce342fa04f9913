using System.Xml;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.VSmart.Mapping;
using Lsb.Hub.Adapters.VSmart.Reading;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Marc;
using Lsb.Hub.Marc.Holdings;

namespace Lsb.Hub.Adapters.VSmart.Translation;

/// <summary>A copy of a harvested record: the copy's 876 and its 852 through <see cref="MarcHoldings.ReadItems"/>, the
/// title data from 001/020/035/100/245 and V-smart's 999 (material code). A copy with status WD has gone.</summary>
internal sealed partial class VSmartTranslator
{
    private CanonicalChange Holding(VendorChange change)
    {
        MarcRecord record;
        try
        {
            record = HarvestedRecord.Read(change.Payload);
        }
        catch (Exception e) when (e is MarcFormatException or XmlException)
        {
            throw new IlsProtocolException($"V-smart change {change.SourceEventId} of installation '{installation}' holds a MARCXML record that cannot be read: {e.Message}", e);
        }
        var item = MarcHoldings.ReadItems(record).FirstOrDefault(i => i.InternalItemNumber == change.LocalId)
            ?? throw Malformed(change, $"names copy {change.LocalId}, but its record {record.ControlNumber} has no 876 $a {change.LocalId}");
        var libraryId = item.Location ?? throw Malformed(change, $"has copy {change.LocalId} without an 852 $a library");
        var isil = mappings.BranchIsil(installation, libraryId, item.Sublocation);
        var status = mappings.ItemStatus.Map(installation, item.Status);
        if (status == HoldingStatus.Withdrawn)
        {
            return new HoldingGone
            {
                LocalId = change.LocalId, SourceEventId = change.SourceEventId, SourceVersion = change.SourceVersion, OccurredAt = change.ChangedAt, Isil = isil,
            };
        }
        var itemField = record.GetDataFields("876").First(f => f['a'] == change.LocalId);
        var system = record.GetDataField("999");
        return new HoldingSnapshot
        {
            LocalId = change.LocalId,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = change.ChangedAt,
            Isil = isil,
            Barcode = item.Barcode,
            Bibliographic = new BibliographicIds(Isbn(record), Prefixed(record, "(PPN)"), Prefixed(record, "(OCoLC)"), record.ControlNumber),
            Title = Title(record),
            Author = record.GetDataField("100")?['a']?.TrimEnd(',', ' ', '.'),
            MaterialType = mappings.MaterialType.Map(installation, system?['m']),
            Location = item.ShelvingLocation,
            Shelfmark = item.CallNumber,
            Status = status,
            RawStatus = item.Status,
            LendableForIbl = mappings.LendingPolicy.Map(installation, itemField['h']) == VSmartLendingPolicy.Ibl,
        };
    }

    /// <summary>245 $a and $b without the ISBD punctuation that separates them from what follows.</summary>
    private static string Title(MarcRecord record)
    {
        var field = record.GetDataField("245");
        var main = Trim(field?['a']);
        var rest = Trim(field?['b']);
        return rest is null ? main ?? string.Empty : $"{main} : {rest}";
    }

    private static string? Trim(string? text) => text?.Trim().TrimEnd('/', ':', ';', ',', '.', '=').Trim() is { Length: > 0 } t ? t : null;

    /// <summary>The first 020 $a, without qualifiers ("9789023466123 (gebonden)" → "9789023466123").</summary>
    private static string? Isbn(MarcRecord record)
        => record.GetDataField("020")?['a']?.Split(' ', 2)[0].Replace("-", string.Empty, StringComparison.Ordinal) is { Length: > 0 } isbn ? isbn : null;

    /// <summary>A 035 $a with the given source prefix, e.g. "(PPN)123456789" → "123456789".</summary>
    private static string? Prefixed(MarcRecord record, string prefix)
        => record.GetDataFields("035").Select(f => f['a']).FirstOrDefault(a => a?.StartsWith(prefix, StringComparison.Ordinal) == true)?[prefix.Length..].Trim();
}
