using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.Ingest;
using Lsb.Hub.Ingest.State;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>Which applied member snapshots person linking has to look at again: those whose card number, national user id
/// or birth date is new or changed (CustomerViewIngestParticipant relinks only those).</summary>
public sealed class AppliedMemberIdentityTests
{
    private readonly ChangeApplier _applier = new(WorkingSet.Empty("ils-a"), "2026-11-30T09:00:00.0000000+00:00");
    private long _version;

    [Fact]
    public void A_new_membership_should_be_linked()
        => Assert.True(Apply(Member()).IdentityChanged);

    [Fact]
    public void A_new_address_or_name_should_change_the_membership_but_not_its_identity()
    {
        Apply(Member());
        var moved = Apply(Member() with { Address = new PostalAddress("Kerkstraat", "12", "1234 AB", "Lindendal"), FamilyName = "de Vries" });
        Assert.True(moved.Changed);
        Assert.False(moved.IdentityChanged);
    }

    [Theory]
    [InlineData("card")]
    [InlineData("national")]
    [InlineData("birth")]
    public void A_changed_card_number_national_user_id_or_birth_date_should_be_linked_again(string field)
    {
        Apply(Member());
        var changed = Apply(field switch
        {
            "card" => Member() with { CardNumber = "2999001000999" },
            "national" => Member() with { NationalUserId = "NUID-2" },
            _ => Member() with { BirthDate = new DateOnly(1961, 7, 30) },
        });
        Assert.True(changed.IdentityChanged);
    }

    private AppliedMember Apply(MemberSnapshot snapshot)
    {
        _applier.Apply(snapshot);
        return _applier.AppliedMembers[^1];
    }

    private MemberSnapshot Member()
    {
        var version = ++_version;
        return new MemberSnapshot
        {
            LocalId = "1", SourceEventId = $"test:1:{version}", SourceVersion = version, OccurredAt = DateTimeOffset.UnixEpoch,
            HomeIsil = Isil.Parse("NL-0861010000"), CardNumber = "2999001000001", NationalUserId = "NUID-1", GivenName = "Anna",
            FamilyName = "Jansen", BirthDate = new DateOnly(1990, 1, 2), Category = MemberCategory.Adult, Status = MemberStatus.Active,
        };
    }
}
