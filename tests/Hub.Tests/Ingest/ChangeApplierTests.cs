using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.Ingest;
using Lsb.Hub.Ingest.State;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// What <see cref="ChangeApplier"/> decides for changes of one member and one copy, each newer than the last:
/// HoldingChanged and MemberUpdated name exactly the canonical fields whose values changed, in the rows' field order (the
/// holdings projection skips status-only changes by these names); and which applied members person linking has to look
/// at again — those whose card number, national user id or birth date is new or changed (CustomerViewIngestParticipant
/// relinks only those).
/// </summary>
public sealed class ChangeApplierTests
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
        _applier.Apply(Member() with { Address = new PostalAddress("Kerkstraat", "12", "1234 AB", "Lindendal") });
        _applier.Apply(Member() with { Address = new PostalAddress("Kerkstraat", "14", "1234 AB", "Lindendal"), Email = "anna@example.org" });
        var updated = Assert.IsType<MemberUpdated>(_applier.Events[^1]);
        Assert.Equal(["HouseNumber", "Email"], updated.ChangedFields);
    }

    [Fact]
    public void A_new_membership_should_be_linked()
        => Assert.True(ApplyMember(Member()).IdentityChanged);

    [Fact]
    public void A_new_address_or_name_should_change_the_membership_but_not_its_identity()
    {
        ApplyMember(Member());
        var moved = ApplyMember(Member() with { Address = new PostalAddress("Kerkstraat", "12", "1234 AB", "Lindendal"), FamilyName = "de Vries" });
        Assert.True(moved.Changed);
        Assert.False(moved.IdentityChanged);
    }

    [Theory]
    [InlineData("card")]
    [InlineData("national")]
    [InlineData("birth")]
    public void A_changed_card_number_national_user_id_or_birth_date_should_be_linked_again(string field)
    {
        ApplyMember(Member());
        var changed = ApplyMember(field switch
        {
            "card" => Member() with { CardNumber = "2999001000999" },
            "national" => Member() with { NationalUserId = "NUID-2" },
            _ => Member() with { BirthDate = new DateOnly(1961, 7, 30) },
        });
        Assert.True(changed.IdentityChanged);
    }

    private AppliedMember ApplyMember(MemberSnapshot snapshot)
    {
        _applier.Apply(snapshot);
        return _applier.AppliedMembers[^1];
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

    private MemberSnapshot Member()
    {
        var version = ++_version;
        return new MemberSnapshot
        {
            LocalId = "100001", SourceEventId = $"test:patron:{version}", SourceVersion = version, OccurredAt = DateTimeOffset.UnixEpoch,
            HomeIsil = Isil.Parse("NL-0861010000"), CardNumber = "2999001000001", NationalUserId = "NUID-1", GivenName = "Anna",
            FamilyName = "Jansen", BirthDate = new DateOnly(1990, 1, 2), Category = MemberCategory.Adult, Status = MemberStatus.Active,
        };
    }
}
