using Lsb.Hub.DigitalLoans;

namespace Lsb.Hub.Tests.DigitalLoans;

public sealed class IsbnTests
{
    [Theory]
    [InlineData("9789023466123", "9789023466123")]
    [InlineData("978-90-234-6612-3", "9789023466123")]
    [InlineData("90-234-6612-8", "9023466128")]
    [InlineData("080442957x", "080442957X")]
    public void When_the_check_digit_is_right_Should_normalise(string text, string expected)
    {
        Assert.Equal(expected, Isbn.Normalise(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("9789023466124", "check digit")]
    [InlineData("9023466127", "check digit")]
    [InlineData("97890234661", "not an ISBN-13")]
    [InlineData("", "missing")]
    public void When_the_identifier_is_wrong_Should_say_why(string text, string reason)
    {
        Assert.Null(Isbn.Normalise(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
