using System.Text.Json;
using Lsb.Hub.Adapters.Brocade.Exports;
using Lsb.Hub.Adapters.Brocade.Mapping;
using Lsb.Hub.Adapters.Brocade.Reading;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Members;

namespace Lsb.Hub.Adapters.Brocade.Translation;

/// <summary>
/// Turns a Brocade change into canonical terms with the mapping tables. A pure function of the change and the tables.
/// A broken record, a field that does not parse or an unmapped code throws, naming the file, the line (or record) and
/// the column, so that change fails on its own while the rest of its file goes through.
/// </summary>
internal sealed class BrocadeTranslator(string installation, BrocadeMappings mappings)
{
    public CanonicalChange Translate(VendorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ChangePayload payload;
        try
        {
            payload = JsonSerializer.Deserialize(change.Payload, BrocadeJsonContext.Default.ChangePayload)
                ?? throw new IlsProtocolException($"Brocade change {change.SourceEventId} of installation '{installation}' has an empty payload.");
        }
        catch (JsonException e)
        {
            throw new IlsProtocolException($"Brocade change {change.SourceEventId} of installation '{installation}' has a payload that cannot be read: {e.Message}", e);
        }
        if (payload.Op == ChangePayload.BrokenOp)
        {
            var place = payload.Line is { } line ? $"line {line}" : $"record {payload.RecordNumber} (byte {payload.ByteOffset})";
            throw new IlsProtocolException($"{payload.File} {place} of Brocade installation '{installation}' cannot be read: {payload.Problem}. " +
                "Correct the record in Brocade (the next export brings it again); the rest of the file was read.");
        }
        return change.Feed switch
        {
            BrocadeFeeds.Members => Member(change, payload),
            BrocadeFeeds.Loans => Loan(change, payload),
            BrocadeFeeds.Holdings => HoldingRecords.Translate(change, payload, installation, mappings),
            BrocadeFeeds.ForeignTakeIns => ForeignTakeIn(change, payload),
            _ => throw new IlsProtocolException($"Brocade change {change.SourceEventId} comes from unknown feed '{change.Feed}'; the Brocade adapter reads leden, exemplaren, uitleningen and innames-vreemd."),
        };
    }

    private CanonicalChange Member(VendorChange change, ChangePayload payload)
    {
        var row = new CsvRow(payload, installation);
        var id = row.Required("Lenersnummer");
        var library = row.Required("Bibliotheek");
        if (payload.Op == ChangePayload.GoneOp || (payload.Header?.StartsWith("Mutatie;", StringComparison.Ordinal) == true && row.Text("Mutatie") == "V"))
        {
            return new MemberGone
            {
                LocalId = id, SourceEventId = change.SourceEventId, SourceVersion = change.SourceVersion, OccurredAt = change.ChangedAt,
                HomeIsil = row.Text("Vestiging") is { } branch ? mappings.BranchIsil(installation, library, branch) : null,
            };
        }
        var prefix = row.Text("Tussenvoegsel");
        var family = row.Text("Achternaam");
        var house = row.Text("Huisnummer") is { } number ? number + (row.Text("Toevoeging") ?? string.Empty) : null;
        var street = row.Text("Straat");
        var postcode = row.Text("Postcode");
        var city = row.Text("Woonplaats");
        return new MemberSnapshot
        {
            LocalId = id,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = change.ChangedAt,
            HomeIsil = mappings.BranchIsil(installation, library, row.Text("Vestiging")),
            CardNumber = row.Required("Pasnummer"),
            GivenName = row.Text("Voornaam"),
            FamilyName = prefix is null ? family : $"{prefix} {family}",
            BirthDate = row.Date("Geboortedatum"),
            Address = street is null && postcode is null && city is null ? null : new PostalAddress(street, house, postcode, city),
            Email = row.Text("E-mailadres"),
            Category = mappings.PatronCategory.Map(installation, row.Text("Categorie")),
            Status = mappings.PatronStatus.Map(installation, row.Text("Status")),
            RegisteredOn = row.Date("Inschrijfdatum"),
            ExpiresOn = row.Date("Einddatum lidmaatschap"),
            ConsentIntegralView = row.Flag("Toestemming klantbeeld"),
        };
    }

    /// <summary>A copy of another library system taken in at the desk of the row's library and branch (docs/vendors/brocade.md).</summary>
    private ForeignCopyReturned ForeignTakeIn(VendorChange change, ChangePayload payload)
    {
        var row = new CsvRow(payload, installation);
        return new ForeignCopyReturned
        {
            LocalId = row.Required("Innamenummer"),
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = row.Moment("Ingenomen op") ?? change.ChangedAt,
            Barcode = row.Required("Barcode"),
            ReturningIsil = mappings.BranchIsil(installation, row.Required("Bibliotheek"), row.Text("Vestiging")),
        };
    }

    private LoanSnapshot Loan(VendorChange change, ChangePayload payload)
    {
        var row = new CsvRow(payload, installation);
        var returnedAt = row.Moment("Ingeleverd op");
        DateTimeOffset? endedAt;
        if (payload.Op == ChangePayload.GoneOp)
        {
            // Gone from the full export: returned at some moment before this export; the return time if the row had one.
            endedAt = returnedAt ?? change.ChangedAt;
        }
        else
        {
            var state = mappings.LoanStatus.Map(installation, row.Text("Status"));
            endedAt = state == BrocadeLoanState.Returned ? returnedAt ?? change.ChangedAt : null;
        }
        var due = row.Date("Inleverdatum");
        return new LoanSnapshot
        {
            LocalId = row.Required("Uitleningnummer"),
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = change.ChangedAt,
            Isil = mappings.BranchIsil(installation, row.Required("Bibliotheek"), row.Text("Vestiging")),
            MemberLocalId = row.Required("Lenersnummer"),
            HoldingLocalId = row.Required("Exemplaarnummer"),
            Title = row.Text("Titel"),
            StartedAt = row.Moment("Uitleendatum", "Uitleentijd"),
            DueAt = due is { } d ? DutchTime.EndOfDay(d) : null,
            EndedAt = endedAt,
            Renewals = row.Number("Verlengd"),
            GuestCardNumber = row.Optional("Gastpasnummer"),
        };
    }
}
