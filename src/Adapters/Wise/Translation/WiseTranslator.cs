using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Adapters.Wise.Mapping;
using Lsb.Hub.Adapters.Wise.Reading;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Members;

namespace Lsb.Hub.Adapters.Wise.Translation;

/// <summary>
/// Turns a Wise change into canonical terms with the mapping tables. A pure function of the change and the tables:
/// a change that failed on a missing mapping translates once the line is added.
/// </summary>
internal sealed class WiseTranslator(string installation, WiseMappings mappings)
{
    private const string Withdrawal = "AFVOER";

    public CanonicalChange Translate(VendorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var libraryId = change.VendorLibraryId
            ?? throw new IlsProtocolException($"Wise change {change.SourceEventId} of installation '{installation}' names no library organisation.");
        return change.Feed switch
        {
            WiseFeeds.Patron => Patron(change, libraryId, Read(change, WiseJsonContext.Default.WisePatron)),
            WiseFeeds.DeletedPatron => DeletedPatron(change, libraryId, Read(change, WiseJsonContext.Default.WiseDeletedPatron)),
            WiseFeeds.Item => Item(change, libraryId, change.TakeDecoded() as WiseItemMutation ?? Read(change, WiseJsonContext.Default.WiseItemMutation)),
            WiseFeeds.Loan => LoanOrForeignItem(change, libraryId, change.TakeDecoded() as WiseLoanMutation ?? Read(change, WiseJsonContext.Default.WiseLoanMutation)),
            _ => throw new IlsProtocolException($"Wise change {change.SourceEventId} comes from unknown feed '{change.Feed}'; the Wise adapter reads patron, deletedpatron, item and loan."),
        };
    }

    private MemberSnapshot Patron(VendorChange change, string libraryId, WisePatron p) => new()
    {
        LocalId = p.PatronSystemId,
        SourceEventId = change.SourceEventId,
        SourceVersion = change.SourceVersion,
        OccurredAt = change.ChangedAt,
        HomeIsil = mappings.BranchIsil(installation, libraryId, p.BranchId),
        CardNumber = p.CardNumber,
        GivenName = p.GivenName,
        FamilyName = string.IsNullOrWhiteSpace(p.NamePrefix) ? p.FamilyName : $"{p.NamePrefix} {p.FamilyName}",
        BirthDate = p.BirthDate,
        Address = p.Street is null && p.Postcode is null && p.City is null ? null
            : new PostalAddress(p.Street, p.HouseNumber is null ? null : p.HouseNumber + p.HouseNumberSuffix, p.Postcode, p.City),
        Email = p.Email,
        Category = mappings.PatronCategory.Map(installation, p.Category),
        Status = mappings.PatronStatus.Map(installation, p.Status),
        ExpiresOn = p.ExpiresOn,
        RegisteredOn = p.RegisteredOn,
    };

    private MemberGone DeletedPatron(VendorChange change, string libraryId, WiseDeletedPatron p) => new()
    {
        LocalId = p.PatronSystemId,
        SourceEventId = change.SourceEventId,
        SourceVersion = change.SourceVersion,
        OccurredAt = p.DeletedAt,
        HomeIsil = p.BranchId is null ? null : mappings.BranchIsil(installation, libraryId, p.BranchId),
    };

    private CanonicalChange Item(VendorChange change, string libraryId, WiseItemMutation m)
    {
        var item = m.Item;
        var isil = mappings.BranchIsil(installation, libraryId, item.BranchId);
        if (m.Kind == Withdrawal)
            return new HoldingGone { LocalId = item.ItemId, SourceEventId = change.SourceEventId, SourceVersion = change.SourceVersion, OccurredAt = m.At, Isil = isil };
        return new HoldingSnapshot
        {
            LocalId = item.ItemId,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = m.At,
            Isil = isil,
            Barcode = item.Barcode,
            Bibliographic = new BibliographicIds(item.Isbn, item.Ppn, null, item.TitleNumber),
            Title = item.Title ?? string.Empty,
            Author = item.Author,
            MaterialType = mappings.MaterialType.Map(installation, item.MaterialType),
            Location = item.Location,
            Shelfmark = item.Shelfmark,
            Status = mappings.ItemStatus.Map(installation, item.Status),
            RawStatus = item.Status,
            LendableForIbl = item.LendableForIbl && !item.Temporary,
        };
    }

    private CanonicalChange LoanOrForeignItem(VendorChange change, string libraryId, WiseLoanMutation m)
    {
        if (m.Loan is { } loan) return Loan(change, libraryId, m, loan);
        if (m.ForeignItem is not { } foreign || string.IsNullOrWhiteSpace(foreign.Barcode))
            throw new IlsProtocolException($"Wise loan mutation {change.SourceEventId} of installation '{installation}' ({m.Kind}) has neither a loan (uitlening) " +
                "nor a foreign copy with a barcode (vreemdExemplaar).");
        return new ForeignCopyReturned
        {
            LocalId = foreign.TakeInId,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = foreign.TakenInAt ?? m.At,
            Barcode = foreign.Barcode.Trim(),
            ReturningIsil = mappings.BranchIsil(installation, libraryId, foreign.BranchId),
        };
    }

    private LoanSnapshot Loan(VendorChange change, string libraryId, WiseLoanMutation m, WiseLoan loan)
    {
        var state = mappings.LoanStatus.Map(installation, loan.Status);
        return new LoanSnapshot
        {
            LocalId = loan.LoanId,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = m.At,
            Isil = mappings.BranchIsil(installation, libraryId, loan.BranchId),
            MemberLocalId = loan.PatronSystemId,
            HoldingLocalId = loan.ItemId,
            Title = loan.Title,
            StartedAt = loan.LentAt,
            DueAt = loan.DueDate is { } due ? DutchTime.EndOfDay(due) : null,
            EndedAt = state == WiseLoanState.Returned ? loan.ReturnedAt ?? m.At : null,
            Renewals = loan.Renewals,
            GuestCardNumber = string.IsNullOrWhiteSpace(loan.GuestCardNumber) ? null : loan.GuestCardNumber.Trim(),
        };
    }

    private T Read<T>(VendorChange change, JsonTypeInfo<T> type)
    {
        try
        {
            var utf8 = change.Utf8Payload;
            return (utf8.IsEmpty ? JsonSerializer.Deserialize(change.Payload, type) : JsonSerializer.Deserialize(utf8.Span, type))
                ?? throw new IlsProtocolException($"Wise change {change.SourceEventId} of installation '{installation}' has an empty payload.");
        }
        catch (JsonException e)
        {
            throw new IlsProtocolException(
                $"Wise change {change.SourceEventId} of installation '{installation}' has a {change.Feed} record that cannot be read: {e.Message}", e);
        }
    }
}
