using Lsb.Hub.Ibl.Iso18626;

namespace Lsb.Hub.Tests.Ibl.Iso;

/// <summary><see cref="Iso18626Reader"/> on corpus messages changed the way a peer's system gets them wrong.</summary>
public sealed class Iso18626ReaderTests
{
    /// <summary>A request whose body nests <paramref name="depth"/> unknown elements: under 1 MB for 140,000.</summary>
    internal static string Nested(int depth)
        => $"<ISO18626Message xmlns=\"{Iso18626Corpus.Namespace}\" xmlns:ill=\"{Iso18626Corpus.Namespace}\" ill:version=\"1.2\"><request>" + string.Concat(Enumerable.Repeat("<a>", depth))
            + string.Concat(Enumerable.Repeat("</a>", depth)) + "</request></ISO18626Message>";

    private static string LoanedWith(string extra)
        => Iso18626Corpus.Read("request-loaned.xml").Replace("<author>JRR Tolkien</author>", "<author>JRR Tolkien</author>" + extra, StringComparison.Ordinal);

    [Fact]
    public void When_a_message_is_read_as_sent_Should_give_the_message_and_no_error()
    {
        var (message, kind, error, _) = Iso18626Reader.Read(LoanedWith(""));
        Assert.Null(error);
        Assert.Equal(Iso18626MessageKind.Request, kind);
        Assert.Equal("5636c993-c41c-48f4-a285-470545f6f343", message!.RequestingAgencyRequestId);
    }

    [Theory]
    [InlineData("<colour>red</colour>", "colour: ISO 18626 v1.2 has no such element")]
    [InlineData("<x:shelfmark xmlns:x=\"urn:example:local-catalogue\">R TOLK</x:shelfmark>", "shelfmark: not an ISO 18626 element")]
    public void When_a_message_carries_an_element_ISO_18626_does_not_have_Should_answer_UnrecognisedDataElement_naming_it(string extra, string expected)
    {
        var (message, kind, error, partial) = Iso18626Reader.Read(LoanedWith(extra));
        Assert.Null(message);
        Assert.Equal(Iso18626MessageKind.Request, kind);
        Assert.Equal(Iso18626ErrorType.UnrecognisedDataElement, error!.Type);
        Assert.StartsWith(expected, error.Value, StringComparison.Ordinal);
        Assert.NotNull(partial); // the confirmation can still echo the header
    }

    [Fact]
    public void When_a_message_nests_elements_a_hundred_and_forty_thousand_deep_Should_answer_BadlyFormedMessage_instead_of_overflowing_the_stack()
    {
        // Regression: schema validation walks the tree recursively; this message crashed the test host (and the hub) with a stack overflow.
        var (message, _, error, _) = Iso18626Reader.Read(Nested(140_000));
        Assert.Null(message);
        Assert.Equal(Iso18626ErrorType.BadlyFormedMessage, error!.Type);
        Assert.Contains($"more than {Iso18626Reader.MaxDepth} deep", error.Value, StringComparison.Ordinal);
        Assert.Equal(Iso18626ErrorType.UnrecognisedDataElement, Iso18626Reader.Read(Nested(Iso18626Reader.MaxDepth - 2)).Error!.Type);
    }

    [Fact]
    public void When_a_message_carries_a_DOCTYPE_Should_answer_BadlyFormedMessage()
    {
        var text = "<!DOCTYPE ISO18626Message [<!ENTITY t \"Lord of the Rings\">]>" + LoanedWith("").Replace("<title>Lord of the Rings</title>", "<title>&t;</title>", StringComparison.Ordinal);
        var (message, _, error, _) = Iso18626Reader.Read(text);
        Assert.Null(message);
        Assert.Equal(Iso18626ErrorType.BadlyFormedMessage, error!.Type);
    }
}
