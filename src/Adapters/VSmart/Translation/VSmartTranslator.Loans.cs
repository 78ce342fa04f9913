using System.Globalization;
using System.Xml.Linq;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.VSmart.Mapping;

namespace Lsb.Hub.Adapters.VSmart.Translation;

/// <summary>A loan web-service entry: the loan as it was after a check-out, renewal or check-in, or (<c>inname-vreemd</c>) a copy
/// of another system taken in at the desk.</summary>
internal sealed partial class VSmartTranslator
{
    private CanonicalChange LoanOrForeignItem(VendorChange change, XElement entry)
    {
        if (entry.Element(Ws + "uitlening") is { } loan) return Loan(change, loan);
        var foreign = entry.Element(Ws + "vreemdExemplaar") ?? throw Malformed(change, "has neither <uitlening> nor <vreemdExemplaar>");
        var libraryId = Attribute(foreign, "bibliotheek") ?? throw Malformed(change, "has a vreemdExemplaar without bibliotheek");
        return new ForeignCopyReturned
        {
            LocalId = change.LocalId,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = Moment(Text(foreign, "ingenomenOp")) ?? change.ChangedAt,
            Barcode = Text(foreign, "streepjescode") ?? throw Malformed(change, "has a vreemdExemplaar without streepjescode"),
            ReturningIsil = mappings.BranchIsil(installation, libraryId, Attribute(foreign, "vestiging")),
        };
    }

    private LoanSnapshot Loan(VendorChange change, XElement loan)
    {
        var libraryId = Attribute(loan, "bibliotheek") ?? throw Malformed(change, "has a loan without bibliotheek");
        var state = mappings.LoanStatus.Map(installation, Text(loan, "status"));
        var due = Day(Text(loan, "vervaldatum"));
        return new LoanSnapshot
        {
            LocalId = change.LocalId,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = change.ChangedAt,
            Isil = mappings.BranchIsil(installation, libraryId, Attribute(loan, "vestiging")),
            MemberLocalId = Attribute(loan, "lener") ?? throw Malformed(change, "has a loan without lener"),
            HoldingLocalId = Attribute(loan, "exemplaar") ?? throw Malformed(change, "has a loan without exemplaar"),
            Title = Text(loan, "titel"),
            StartedAt = Moment(Text(loan, "uitleendatum")) ?? throw Malformed(change, "has a loan without uitleendatum"),
            DueAt = due is { } d ? DutchTime.EndOfDay(d) : null,
            EndedAt = state == VSmartLoanState.Returned ? Moment(Text(loan, "inleverdatum")) ?? change.ChangedAt : null,
            Renewals = int.TryParse(Text(loan, "verlengingen"), NumberStyles.None, CultureInfo.InvariantCulture, out var renewals) ? renewals : 0,
            GuestCardNumber = Text(loan, "gastpasnummer"),
        };
    }

    private static DateTimeOffset? Moment(string? text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment : null;
}
