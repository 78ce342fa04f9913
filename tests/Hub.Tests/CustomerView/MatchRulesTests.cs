using Lsb.Hub.CustomerView;
using Lsb.Hub.CustomerView.Persons;

namespace Lsb.Hub.Tests.CustomerView;

public sealed class MatchRulesTests
{
    private static LinkCandidate M(string? card, string? national = null, string? birth = null) => new("mbr-x" + Guid.NewGuid().ToString("N"), card, national, birth);

    [Fact]
    public void When_card_numbers_are_equal_Should_match_by_card_number()
        => Assert.Equal(LinkReason.CardNumber, MatchRules.Match(M("2999001"  + "000001"), M(" 2999001000001 ")));

    [Fact]
    public void When_card_numbers_are_equal_but_birth_dates_differ_Should_not_match()
        => Assert.Null(MatchRules.Match(M("2999001000001", birth: "1990-01-02"), M("2999001000001", birth: "1990-01-03")));

    [Fact]
    public void When_one_birth_date_is_unknown_Should_still_match_by_card_number()
        => Assert.Equal(LinkReason.CardNumber, MatchRules.Match(M("2999001000001", birth: "1990-01-02"), M("2999001000001")));

    [Fact]
    public void When_national_user_ids_differ_Should_not_match_even_with_equal_card_numbers()
        => Assert.Null(MatchRules.Match(M("2999001000001", "NUID-1"), M("2999001000001", "NUID-2")));

    [Fact]
    public void When_national_user_ids_are_equal_Should_match_whatever_the_cards()
        => Assert.Equal(LinkReason.NationalUserId, MatchRules.Match(M("1111111111", "NUID-1"), M("2222222222", "NUID-1")));

    [Fact]
    public void When_a_card_number_is_a_short_local_counter_Should_not_match()
        => Assert.Null(MatchRules.Match(M("1234567"), M("1234567")));

    [Fact]
    public void When_nothing_identifying_is_equal_Should_not_match()
        => Assert.Null(MatchRules.Match(M("2999001000001"), M("2999001000002")));

    [Theory]
    [InlineData("NL-0851010000", "NL-0851010003", true)]
    [InlineData("NL-0851010000", "NL-0851020000", false)]
    [InlineData("NL-0851010000", "NL-0751010000", false)]
    [InlineData("DE-101", "de-101", true)]
    public void When_comparing_library_organisations_Should_group_the_locations_of_one_Dutch_legal_entity(string a, string b, bool same)
        => Assert.Equal(same, LibraryOrganisation.Same(a, b));
}
