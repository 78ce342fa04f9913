using System.Text.Json;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Tests.Canonical;

public sealed class CanonicalIdTests
{
    [Fact]
    public void When_an_id_is_formatted_Should_parse_back_to_the_same_id()
    {
        var id = MemberId.New();
        var text = id.ToString();
        Assert.StartsWith("mbr-", text, StringComparison.Ordinal);
        Assert.Equal(36, text.Length);
        Assert.Equal(id, MemberId.Parse(text));
    }

    [Theory]
    [InlineData("hld-0192f0c8a1b27c3d8e9f000000000001")]
    [InlineData("mbr-0192f0c8a1b27c3d8e9f00000000000")]
    [InlineData("mbr-0192f0c8a1b27c3d8e9f00000000000z")]
    [InlineData("mbr_0192f0c8a1b27c3d8e9f000000000001")]
    [InlineData("")]
    public void When_text_is_not_a_member_id_Should_be_refused(string text)
        => Assert.False(CanonicalId.TryParse<MemberId>(text, out _));

    [Fact]
    public async Task When_ids_are_created_in_different_milliseconds_Should_sort_by_creation()
    {
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = LoanId.New().ToString();
            ids.Add(id);
            // Waits until the wall clock is past the id's millisecond (its first 48 bits): a fixed delay is not enough when
            // the machine's clock is stepped back (a CI run saw two ids 2 ms apart carry the same millisecond).
            var millisecond = Convert.ToInt64(id["lon-".Length..("lon-".Length + 12)], 16);
            while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() <= millisecond)
                await Task.Delay(1, TestContext.Current.CancellationToken);
        }
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void When_an_id_is_serialised_Should_be_its_string_form()
    {
        var id = HoldingId.New();
        var json = JsonSerializer.Serialize(new { id });
        Assert.Equal($$"""{"id":"{{id}}"}""", json);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HoldingId>("\"mbr-0192f0c8a1b27c3d8e9f000000000001\""));
    }

    [Fact]
    public void When_an_installation_id_is_not_a_slug_Should_say_how_to_write_one()
    {
        Assert.True(InstallationId.TryParse("probiblio-wise", out _, out _));
        Assert.False(InstallationId.TryParse("Probiblio Wise", out _, out var error));
        Assert.Contains("lower-case", error, StringComparison.Ordinal);
    }
}
