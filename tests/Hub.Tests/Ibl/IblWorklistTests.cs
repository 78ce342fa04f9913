using System.Net;
using System.Text.Json;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Ibl;

/// <summary><c>GET /api/v1/ibl/requests?isil=&amp;state=</c>: a library's worklist, as a lender and as a requester.</summary>
public abstract class IblWorklistTests(TestBackend backend) : IAsyncLifetime
{
    private const string Borrower = "NL-0851010000";      // Wise
    private const string OtherBorrower = "NL-0852010000"; // V-smart
    private const string WiseLender = "NL-0851020000";    // Wise
    private const string BrocadeLender = "NL-0853010000"; // Brocade
    private IblWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await IblWorld.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    /// <summary>A request of <paramref name="borrower"/> for a title only <paramref name="lender"/> holds, sent to it.</summary>
    private async Task<string> SentAsync(string borrower, string lender)
    {
        var isbn = IblScenario.NewIsbn();
        await _world.AddCopyAsync(lender, isbn);
        var (member, _) = await _world.AddMemberAsync(borrower);
        var id = await _world.PlaceAsync(borrower, member, isbn);
        await _world.WaitForStateAsync(id, "SentToSupplier", v => v.GetProperty("lender").GetProperty("agency").GetString()!.StartsWith(lender[..9], StringComparison.Ordinal));
        return id;
    }

    private async Task<Dictionary<string, JsonElement>> WorklistAsync(string isil, string? state = null)
    {
        using var client = _world.Client(IblWorld.LibraryKey(isil));
        using var response = await client.GetAsync($"/api/v1/ibl/requests?isil={isil}" + (state is null ? "" : $"&state={state}"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"worklist of {isil} ({state}): {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.Clone());
    }

    private static List<string> Tasks(JsonElement item) => [.. item.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()!)];

    [Fact]
    public async Task When_requests_are_in_hand_Should_list_for_each_library_the_requests_it_lends_or_borrows_in_the_state_asked_and_no_others()
    {
        var toPick = await SentAsync(Borrower, WiseLender);
        var otherToPick = await SentAsync(OtherBorrower, WiseLender);
        var shipped = await SentAsync(Borrower, BrocadeLender);
        await _world.ActAsync(shipped, IblWorld.LibraryKey(BrocadeLender), new { action = "Shipped" });
        await _world.WaitForStateAsync(shipped, "Loaned");

        // The lender's worklist: the two requests it has to pick, for either borrower; not the one another library lends.
        var lender = await WorklistAsync(WiseLender);
        Assert.Equal(new[] { otherToPick, toPick }.Order(StringComparer.Ordinal), lender.Keys.Order(StringComparer.Ordinal));
        Assert.All(lender.Values, i => Assert.Equal(("lender", "SentToSupplier"), (i.GetProperty("role").GetString(), i.GetProperty("state").GetString())));
        Assert.All(lender.Values, i => Assert.Contains("pick", Tasks(i)));

        // The requester's worklist by state: what it has to receive, and what is still out with a lender.
        var toReceive = await WorklistAsync(Borrower, "Loaned");
        var received = Assert.Single(toReceive);
        Assert.Equal(shipped, received.Key);
        Assert.Equal("borrower", received.Value.GetProperty("role").GetString());
        Assert.Equal(["receive"], Tasks(received.Value));
        Assert.Equal([toPick], (await WorklistAsync(Borrower, "SentToSupplier")).Keys);
        Assert.Equal(new[] { shipped, toPick }.Order(StringComparer.Ordinal), (await WorklistAsync(Borrower, "SentToSupplier,Loaned")).Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await WorklistAsync(Borrower, "Received"));

        // The Brocade lender sees what it shipped, with nothing left for it to do until the copy comes back.
        var lent = Assert.Single(await WorklistAsync(BrocadeLender, "Loaned"));
        Assert.Equal((shipped, "lender"), (lent.Key, lent.Value.GetProperty("role").GetString()));
        Assert.Empty(Tasks(lent.Value));
        Assert.Equal([otherToPick], (await WorklistAsync(OtherBorrower)).Keys);
    }
}

public sealed class IblWorklistTests_on_Sqlite() : IblWorklistTests(TestBackend.Sqlite);

public sealed class IblWorklistTests_on_Postgres() : IblWorklistTests(TestBackend.Postgres);
