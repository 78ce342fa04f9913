using System.ComponentModel.DataAnnotations;
using Lsb.Hub.PatronServices;

namespace Lsb.Hub.Tests.PatronServices;

/// <summary>How ingest tells a guest account from a member's card: by <c>PatronServices:GuestAccountPattern</c>.</summary>
public sealed class GuestAccountPatternTests
{
    [Theory]
    [InlineData("GAST-NL-0851010000-NL-0852010000", true)]
    [InlineData("gast-NL-0851010000-NL-0853020000", true)]
    [InlineData(" GAST-NL-0851010000-NL-0852010000 ", true)]
    [InlineData("2888100000001", false)]
    [InlineData("GAST-NL", false)]
    [InlineData("XGAST-NL-0851010000-NL-0852010000", false)]
    public void A_card_is_a_guest_account_when_it_has_the_form_of_the_pattern_for_any_libraries(string card, bool guest)
        => Assert.Equal(guest, new PatronServicesOptions().IsGuestAccount(card));

    [Fact]
    public void A_changed_pattern_is_followed()
    {
        var options = new PatronServicesOptions();
        Assert.True(options.IsGuestAccount("GAST-NL-0851010000-NL-0852010000"));
        options.GuestAccountPattern = "INST.{home}";
        Assert.False(options.IsGuestAccount("GAST-NL-0851010000-NL-0852010000"));
        Assert.True(options.IsGuestAccount("inst.NL-0852010000"));
        Assert.False(options.IsGuestAccount("INSTXNL-0852010000"));
    }

    [Theory]
    [InlineData("{lender}-{home}")]
    [InlineData("{home}")]
    [InlineData("GAST-{lender}")]
    public void A_pattern_without_a_fixed_part_or_without_home_is_refused_at_start_up(string pattern)
    {
        var options = new PatronServicesOptions { GuestAccountPattern = pattern };
        Assert.NotEmpty(options.Validate(new ValidationContext(options)));
    }
}
