using System.Text;
using System.Text.Json;
using Lsb.Hub.Privacy.Erasure;

namespace Lsb.Hub.Tests.Privacy;

public sealed class MessageBodyScrubTests
{
    private static readonly PersonIdentifiers Person = new(["2999007171717"], [], ["w.oostervaart@voorbeeld.nl"]);

    private static byte[] Page(params (string Card, string Name)[] patrons) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        installationId = "zuid-wise",
        changes = patrons.Select(p => new
        {
            feed = "patron", localId = p.Card[^3..],
            payload = JsonSerializer.Serialize(new { pasnummer = p.Card, achternaam = p.Name, geboortedatum = "1979-03-28" }),
        }).ToArray(),
    });

    [Fact]
    public void When_a_page_holds_the_person_and_others_Should_cut_out_only_the_persons_change()
    {
        var result = MessageBodyScrub.Scrub(Page(("2999001111111", "Jansen"), ("2999007171717", "Oostervaart"), ("2999002222222", "Bakker")), Person);

        Assert.Equal(ScrubAction.Rewritten, result.Action);
        var text = Encoding.UTF8.GetString(result.Body!);
        Assert.DoesNotContain("Oostervaart", text, StringComparison.Ordinal);
        Assert.Contains("Jansen", text, StringComparison.Ordinal);
        Assert.Contains("Bakker", text, StringComparison.Ordinal);
    }

    [Fact]
    public void When_a_message_is_about_the_person_only_Should_be_removed()
    {
        var single = JsonSerializer.SerializeToUtf8Bytes(new { installationId = "zuid-wise", change = new { payload = "{\"pasnummer\":\"2999007171717\"}" } });
        Assert.Equal(ScrubAction.Remove, MessageBodyScrub.Scrub(single, Person).Action);
    }

    [Fact]
    public void When_the_card_number_is_only_part_of_a_longer_number_Should_leave_the_message_alone()
        => Assert.Equal(ScrubAction.Unchanged, MessageBodyScrub.Scrub(Page(("929990071717170", "Jansen")), Person).Action);

    [Fact]
    public void When_the_body_is_not_json_but_carries_the_card_Should_be_removed()
        => Assert.Equal(ScrubAction.Remove, MessageBodyScrub.Scrub(Encoding.UTF8.GetBytes("\u0001\u0002garbage 2999007171717 more"), Person).Action);
}
