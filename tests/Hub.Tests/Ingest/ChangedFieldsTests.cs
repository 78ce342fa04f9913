using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.Ingest;
using Lsb.Hub.Ingest.State;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>HoldingChanged and MemberUpdated name exactly the canonical fields whose values changed, in the rows' field
/// order (the holdings projection skips status-only changes by these names).</summary>
public sealed class ChangedFieldsTests
{
    private readonly ChangeApplier _applier = new(WorkingSet.Empty("ils-a"), "2026-11-30T10:00:00.0000000+00:00");
    private long _version;

    [Fact]
    public void A_copy_that_moves_shelf_and_is_lent_should_name_its_location_and_status_fields()
    {
        _applier.Apply(Copy());
        _applier.Apply(Copy() with { Location = "Jeugd", Status = HoldingStatus.OnLoan, RawStatus = "UIT" });
        var changed = Assert.IsType<HoldingChanged>(_applier.Events[^1]);
        Assert.Equal(["Location", "Status", "RawStatus"], changed.ChangedFields);
    }

    [Fact]
    public void A_copy_sent_again_unchanged_should_raise_no_event()
    {
        _applier.Apply(Copy());
        _applier.Apply(Copy());
        Assert.IsType<HoldingAdded>(Assert.Single(_applier.Events));
    }

    [Fact]
    public void A_member_who_moves_should_name_the_address_fields_that_changed()
    {
        _applier.Apply(Member(new PostalAddress("Kerkstraat", "12", "1234 AB", "Lindendal")));
        _applier.Apply(Member(new PostalAddress("Kerkstraat", "14", "1234 AB", "Lindendal")) with { Email = "anna@example.org" });
        var updated = Assert.IsType<MemberUpdated>(_applier.Events[^1]);
        Assert.Equal(["HouseNumber", "Email"], updated.ChangedFields);
    }

    private HoldingSnapshot Copy()
    {
        var version = ++_version;
        return new HoldingSnapshot
        {
            LocalId = "5000001", SourceEventId = $"test:item:{version}", SourceVersion = version, OccurredAt = DateTimeOffset.UnixEpoch,
            Isil = Isil.Parse("NL-0861010000"), Barcode = "3510100000001", Bibliographic = new BibliographicIds("9789023456789", null, null, "1000001"),
            Title = "De stille rivier", MaterialType = MaterialType.Book, Location = "Volwassenen", Status = HoldingStatus.Available, RawStatus = "BES",
            LendableForIbl = true,
        };
    }

    private MemberSnapshot Member(PostalAddress address)
    {
        var version = ++_version;
        return new MemberSnapshot
        {
            LocalId = "100001", SourceEventId = $"test:patron:{version}", SourceVersion = version, OccurredAt = DateTimeOffset.UnixEpoch,
            HomeIsil = Isil.Parse("NL-0861010000"), CardNumber = "2999001000001", GivenName = "Anna", FamilyName = "Jansen", Address = address,
            Category = MemberCategory.Adult, Status = MemberStatus.Active,
        };
    }
}
