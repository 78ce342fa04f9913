using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Tests.Canonical;

public sealed class IsilTests
{
    [Theory]
    [InlineData("NL-0800010000", "NL-0800010000")]
    [InlineData("nl-0700050000", "NL-0700050000")]
    [InlineData("  NL-0800180001 ", "NL-0800180001")]
    [InlineData("DE-101", "DE-101")]
    [InlineData("US-DLC", "US-DLC")]
    [InlineData("GB-UkOxU", "GB-UKOXU")]
    [InlineData("O-OCLC:ABC", "O-OCLC:ABC")]
    [InlineData("ZDB-1-ABC/12", "ZDB-1-ABC/12")]
    public void When_an_isil_is_valid_Should_parse_to_its_upper_case_form(string text, string expected)
        => Assert.Equal(expected, Isil.Parse(text).Value);

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("NL0800010000", "no prefix")]
    [InlineData("-0800010000", "no prefix")]
    [InlineData("NL-", "no identifier")]
    [InlineData("NL-123", "ten digits")]
    [InlineData("NL-08000100001", "ten digits")]
    [InlineData("NL-080001000A", "ten digits")]
    [InlineData("ABCDE-123", "1 to 4 letters")]
    [InlineData("D1-123", "letters only")]
    [InlineData("DE-1 01", "only letters")]
    [InlineData("DE-ä01", "only letters")]
    [InlineData("DE-12345678901234", "at most 16")]
    public void When_an_isil_is_garbage_Should_say_what_is_wrong(string? text, string because)
    {
        Assert.False(Isil.TryParse(text, out _, out var error));
        Assert.Contains(because, error, StringComparison.OrdinalIgnoreCase);
        var thrown = Assert.Throws<FormatException>(() => Isil.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void When_an_isil_is_dutch_Should_expose_type_legal_entity_and_location()
    {
        var isil = Isil.Parse("NL-0801230004");
        Assert.True(isil.IsDutch);
        Assert.Equal("08", isil.DutchTypeCode);
        Assert.Equal("0123", isil.DutchLegalEntity);
        Assert.Equal("0004", isil.DutchLocation);
        Assert.Null(Isil.Parse("DE-101").DutchTypeCode);
    }

    [Fact]
    public void When_two_isils_differ_only_in_case_Should_be_equal()
        => Assert.Equal(Isil.Parse("nl-0800010000"), Isil.Parse("NL-0800010000"));
}
