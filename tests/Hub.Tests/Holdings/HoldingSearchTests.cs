using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Holdings;

/// <summary><c>GET /api/v1/holdings?isbn=|ppn=|oclc=</c>: every library's copies of a title, from the union holdings index.</summary>
public abstract class HoldingSearchTests(TestBackend backend) : IAsyncLifetime
{
    private const string LibraryKey = "test-library-key-00000000001";
    private const string DwhKey = "test-dwh-key-000000000000001";
    private HubHost _hub = null!;
    private DirectCopies _copies = null!;

    public async ValueTask InitializeAsync()
    {
        _hub = await HubHost.StartAsync(backend, new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:5:Key"] = LibraryKey, ["Auth:ApiKeys:5:Scopes:0"] = "library:NL-0851010000",
            ["Auth:ApiKeys:6:Key"] = DwhKey, ["Auth:ApiKeys:6:Scopes:0"] = "dwh",
        });
        _copies = new DirectCopies(() => _hub.Services);
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    [Fact]
    public async Task When_a_copy_was_catalogued_with_a_hyphenated_ISBN_10_Should_be_found_by_every_spelling_of_its_ISBN()
    {
        var id = await _copies.PutAsync("a1", "NL-0851010000", "35100000001001", isbn: "0-306-40615-2");
        foreach (var spelling in new[] { "9780306406157", "978-0-306-40615-7", "0306406152", "0-306-40615-2", "978 0 306 40615 7" })
        {
            var page = await SearchAsync($"isbn={Uri.EscapeDataString(spelling)}");
            Assert.Equal(id, Assert.Single(page.GetProperty("holdings").EnumerateArray()).GetProperty("id").GetString());
            Assert.Equal("9780306406157", page.GetProperty("query").GetProperty("isbn").GetString());
        }
    }

    [Fact]
    public async Task When_several_libraries_hold_a_title_Should_return_each_copy_with_its_location_lendability_and_paging()
    {
        var ids = new List<string>
        {
            await _copies.PutAsync("b1", "NL-0851010000", "35100000002001", isbn: "9789023466123", shelfmark: "ROMAN REVE"),
            await _copies.PutAsync("b2", "NL-0851020000", "35100000002002", ppn: "123456789", shelfmark: "ROMAN REVE", lendable: false),
            await _copies.PutAsync("b3", "NL-0851030001", "35100000002003", oclc: "ocm00012345", status: Lsb.Hub.Canonical.Holdings.HoldingStatus.OnLoan),
        };
        await _copies.PutAsync("b4", "NL-0851030001", "35100000002004", isbn: "9789000000001");
        var query = "isbn=9789023466123&ppn=123456789&oclc=12345";
        // The index is a projection of the event log: wait until it holds all three before paging through them.
        await Eventually.TrueAsync(async () => (await SearchAsync(query, waitForCopies: false)).GetProperty("holdings").GetArrayLength() == ids.Count,
            "the index to hold the three copies");
        var all = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await SearchAsync(query + "&limit=2" + (next is null ? "" : $"&after={next}"));
            all.AddRange(page.GetProperty("holdings").EnumerateArray());
            next = page.TryGetProperty("next", out var n) ? n.GetString() : null;
        }
        while (next is not null);
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.Select(h => h.GetProperty("id").GetString()));
        Assert.Equal(["NL-0851010000", "NL-0851020000", "NL-0851030001"], all.Select(h => h.GetProperty("isil").GetString()).Order(StringComparer.Ordinal));
        var second = all.Single(h => h.GetProperty("id").GetString() == ids[1]);
        Assert.False(second.GetProperty("lendableForIbl").GetBoolean());
        Assert.Equal("ROMAN REVE", second.GetProperty("shelfmark").GetString());
        Assert.Equal("Volwassenen romans", second.GetProperty("location").GetString());

        var lendableAndIn = await SearchAsync(query + "&iblLendable=true&available=true");
        Assert.Equal(ids[0], Assert.Single(lendableAndIn.GetProperty("holdings").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task When_a_copy_is_withdrawn_Should_no_longer_be_found()
    {
        await _copies.PutAsync("c1", "NL-0851010000", "35100000003001", isbn: "9789000000018");
        Assert.Single((await SearchAsync("isbn=9789000000018")).GetProperty("holdings").EnumerateArray());
        await _copies.WithdrawAsync("c1", "NL-0851010000");
        await Eventually.TrueAsync(async () => (await SearchAsync("isbn=9789000000018", waitForCopies: false)).GetProperty("holdings").GetArrayLength() == 0,
            "the withdrawn copy to leave the index");
    }

    [Fact]
    public async Task When_a_key_is_a_library_key_Should_see_other_libraries_copies_and_a_service_key_Should_be_refused()
    {
        var id = await _copies.PutAsync("d1", "NL-0851020000", "35100000004001", isbn: "9789000000025");
        Assert.Single((await SearchAsync("isbn=9789000000025")).GetProperty("holdings").EnumerateArray());
        using (var library = _hub.Client(LibraryKey))
        {
            var page = await library.GetFromJsonAsync<JsonElement>("/api/v1/holdings?isbn=9789000000025");
            Assert.Equal(id, Assert.Single(page.GetProperty("holdings").EnumerateArray()).GetProperty("id").GetString());
        }
        using var dwh = _hub.Client(DwhKey);
        var refused = await dwh.GetAsync("/api/v1/holdings?isbn=9789000000025");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var anonymous = _hub.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/holdings?isbn=9789000000025")).StatusCode);
    }

    [Fact]
    public async Task When_the_ISBN_is_not_an_ISBN_Should_answer_400_saying_what_to_send()
    {
        using var admin = _hub.Client();
        var response = await admin.GetAsync("/api/v1/holdings?isbn=12-34");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("10 or 13", problem.GetProperty("errors").GetProperty("isbn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/holdings")).StatusCode);
    }

    /// <summary>A search, once the index has caught up with the copies just ingested (it follows the log asynchronously).</summary>
    private async Task<JsonElement> SearchAsync(string query, bool waitForCopies = true)
    {
        using var admin = _hub.Client();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/holdings?" + query);
            if (!waitForCopies || page.GetProperty("holdings").GetArrayLength() > 0 || DateTime.UtcNow > deadline) return page;
            await Task.Delay(100);
        }
    }
}

public sealed class HoldingSearchTests_on_Sqlite() : HoldingSearchTests(TestBackend.Sqlite);

public sealed class HoldingSearchTests_on_Postgres() : HoldingSearchTests(TestBackend.Postgres);
