using Lsb.Hub.Holdings;

namespace Lsb.Hub.Tests.Holdings;

public sealed class IsbnTests
{
    [Theory]
    [InlineData("0-306-40615-2", "9780306406157")]
    [InlineData("0306406152", "9780306406157")]
    [InlineData("978-0-306-40615-7", "9780306406157")]
    [InlineData("ISBN 978 0 306 40615 7", "9780306406157")]
    [InlineData("90-234-6612-X", "9789023466123")]
    [InlineData("90-234-6612-x (geb.)", "9789023466123")]
    [InlineData("9789023466123 ; pbk", "9789023466123")]
    public void When_an_ISBN_is_written_any_way_Should_normalise_to_its_ISBN_13(string written, string isbn13)
    {
        Assert.Equal(isbn13, Isbn.Normalise(written));
        Assert.True(Isbn.TryParse(written, out var parsed));
        Assert.Equal(isbn13, parsed);
    }

    [Fact]
    public void When_two_ISBN_10s_differ_only_in_a_wrong_check_digit_Should_meet_in_the_index()
        => Assert.Equal(Isbn.Normalise("0306406152"), Isbn.Normalise("0306406153"));

    [Theory]
    [InlineData("12-34")]
    [InlineData("97890234661")]
    [InlineData("abcdefghij")]
    public void When_a_value_is_not_an_ISBN_Should_not_parse_but_stay_searchable_as_written(string value)
    {
        Assert.False(Isbn.TryParse(value, out _));
        Assert.Equal(value.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant(), Isbn.Normalise(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void When_there_is_no_ISBN_Should_normalise_to_null(string? value) => Assert.Null(Isbn.Normalise(value));

    [Theory]
    [InlineData("(OCoLC)00012345", "12345")]
    [InlineData("ocm00012345", "12345")]
    [InlineData("on1234567890", "1234567890")]
    [InlineData("12345", "12345")]
    public void When_an_OCLC_number_has_a_prefix_or_leading_zeros_Should_drop_them(string written, string normalised)
        => Assert.Equal(normalised, TitleKeys.Oclc(written));

    [Fact]
    public void When_a_PPN_ends_in_a_lower_case_x_Should_upper_case_it() => Assert.Equal("41234567X", TitleKeys.Ppn(" 41234567x "));
}
