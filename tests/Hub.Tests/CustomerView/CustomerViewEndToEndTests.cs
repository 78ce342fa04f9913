using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Infrastructure;
using static Lsb.Hub.Tests.CustomerView.Support.CustomerWorld;

namespace Lsb.Hub.Tests.CustomerView;

/// <summary>
/// The end-to-end: one person, a member of two libraries in two Wise installations (the same national card
/// number), with physical loans in both and e-book loans from the KB platform, seen through the customer view before
/// and after opting in.
/// </summary>
public abstract class CustomerViewEndToEndTests(TestBackend backend) : IAsyncLifetime
{
    private const string Card = "2999004242424";
    private CustomerWorld _world = null!;

    public async ValueTask InitializeAsync() => _world = await StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private static PatronDraft Person => new() { GivenName = "Xiomara", FamilyName = "Quintelier", CardNumber = Card, BirthDate = new DateOnly(1987, 5, 12), Status = "ACT", Category = "VOLW" };

    [Fact]
    public async Task When_a_member_of_two_installations_opts_in_Should_see_physical_and_ebook_loans_of_both_and_only_the_asking_librarys_without()
    {
        var noordPatron = _world.Control.AddPatron(Noord, NoordLibrary, Person);
        var zuidPatron = _world.Control.AddPatron(Zuid, ZuidLibrary, Person);
        var noordCopy = _world.Control.AddItem(Noord, NoordLibrary, new ItemDraft { Title = "De avonden", Isbn = EbookEvents.DeAvonden });
        var zuidCopy = _world.Control.AddItem(Zuid, ZuidLibrary, new ItemDraft { Title = "Max Havelaar" });
        _world.Control.CheckOut(Noord, noordCopy.ItemId, noordPatron.PatronSystemId);
        _world.Control.CheckOut(Zuid, zuidCopy.ItemId, zuidPatron.PatronSystemId);
        var noordMember = await _world.MemberOfAsync(Noord, noordPatron.PatronSystemId);
        var zuidMember = await _world.MemberOfAsync(Zuid, zuidPatron.PatronSystemId);
        var now = DateTimeOffset.UtcNow;
        var intake = await _world.PostEbookAsync(EbookEvents.Started("kb-e2e-1", "kb-loan-e2e-1", NoordIsil, Card, EbookEvents.HetDiner, "Het diner", now.AddDays(-3)));
        Assert.Equal("Applied", intake.GetProperty("events")[0].GetProperty("state").GetString());
        await _world.WaitForAsync("both physical loans and the e-book loan", "SELECT COUNT(*) FROM loans WHERE member_id IN (@a, @b)",
            new { a = noordMember, b = zuidMember }, n => n >= 3);

        var noordOnly = await ViewAsync(noordMember, NoordIsil, CustomerKeys.Noord);
        Assert.Equal("RequestingLibraryOnly", noordOnly.GetProperty("scope").GetString());
        Assert.Contains("not opted in", noordOnly.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(["De avonden"], Titles(noordOnly, "currentLoans"));
        Assert.Single(noordOnly.GetProperty("memberships").EnumerateArray());
        Assert.Equal(["Max Havelaar"], Titles(await ViewAsync(zuidMember, ZuidIsil, CustomerKeys.Zuid), "currentLoans"));

        var consent = await PutConsentAsync(noordMember, new { integralView = true, staffReference = "balie-3" }, CustomerKeys.Noord);
        var entry = Assert.Single(consent.GetProperty("trail").EnumerateArray());
        Assert.Equal("noorderlicht-desk", entry.GetProperty("recordedBy").GetString());
        Assert.Equal("api", entry.GetProperty("source").GetString());

        var integral = await ViewAsync(noordMember, NoordIsil, CustomerKeys.Noord);
        Assert.Equal("Integral", integral.GetProperty("scope").GetString());
        Assert.Equal(["De avonden", "Het diner", "Max Havelaar"], Titles(integral, "currentLoans").Order(StringComparer.Ordinal));
        var zuidLoan = integral.GetProperty("currentLoans").EnumerateArray().Single(l => l.GetProperty("title").GetString() == "Max Havelaar");
        Assert.Equal(ZuidIsil, zuidLoan.GetProperty("libraryIsil").GetString());
        Assert.Equal("Bibliotheek Zuiderzon", zuidLoan.GetProperty("libraryName").GetString());
        Assert.Equal(Zuid, zuidLoan.GetProperty("installationId").GetString());
        Assert.True(zuidLoan.TryGetProperty("dueAt", out _));
        var ebook = integral.GetProperty("currentLoans").EnumerateArray().Single(l => l.GetProperty("title").GetString() == "Het diner");
        Assert.Equal("Digital", ebook.GetProperty("kind").GetString());
        Assert.Equal("kb-ebook-platform", ebook.GetProperty("source").GetString());
        Assert.Equal(2, integral.GetProperty("memberships").GetArrayLength());
        Assert.All(integral.GetProperty("memberships").EnumerateArray(), m => Assert.Equal("card-number", m.GetProperty("linkedBy").GetString()));
        Assert.Equal("Integral", (await ViewAsync(zuidMember, ZuidIsil, CustomerKeys.Zuid)).GetProperty("scope").GetString());

        _world.Control.Return(Noord, noordCopy.ItemId);
        await _world.PostEbookAsync(EbookEvents.Ended("kb-e2e-2", "kb-loan-e2e-1", NoordIsil, Card, EbookEvents.HetDiner, now.AddDays(-1)));
        await _world.WaitForAsync("the return of De avonden", "SELECT COUNT(*) FROM loans WHERE member_id = @a AND ended_at IS NOT NULL",
            new { a = noordMember }, n => n >= 2);
        var later = await ViewAsync(zuidMember, ZuidIsil, CustomerKeys.Zuid);
        Assert.Equal(["Max Havelaar"], Titles(later, "currentLoans"));
        Assert.Equal(["De avonden", "Het diner"], Titles(later, "history").Order(StringComparer.Ordinal));

        await PutConsentAsync(zuidMember, new { integralView = false }, CustomerKeys.Zuid);
        var optedOut = await ViewAsync(noordMember, NoordIsil, CustomerKeys.Noord);
        Assert.Equal("RequestingLibraryOnly", optedOut.GetProperty("scope").GetString());
        Assert.Empty(Titles(optedOut, "currentLoans"));
        Assert.Equal(["De avonden"], Titles(optedOut, "history"));
    }

    [Fact]
    public async Task When_a_library_key_asks_about_another_librarys_member_Should_be_refused()
    {
        var noordPatron = _world.Control.AddPatron(Noord, NoordLibrary, Person);
        var noordMember = await _world.MemberOfAsync(Noord, noordPatron.PatronSystemId);
        using var zuid = _world.Client(CustomerKeys.Zuid);
        Assert.Equal(HttpStatusCode.Forbidden, (await zuid.GetAsync($"/api/v1/customers/{noordMember}/view?requestingIsil={ZuidIsil}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await zuid.GetAsync($"/api/v1/customers/{noordMember}/view?requestingIsil={NoordIsil}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await zuid.PutAsJsonAsync($"/api/v1/customers/{noordMember}/consent", new { integralView = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await zuid.DeleteAsync($"/api/v1/customers/{noordMember}")).StatusCode);
        using var ebook = _world.Client(CustomerKeys.Ebook);
        Assert.Equal(HttpStatusCode.Forbidden, (await ebook.GetAsync($"/api/v1/customers/{noordMember}/view?requestingIsil={NoordIsil}")).StatusCode);
        using var poi = _world.Client(HubHost.PoiKey);
        Assert.Equal(HttpStatusCode.OK, (await poi.GetAsync($"/api/v1/customers/{noordMember}/view?requestingIsil={NoordIsil}")).StatusCode);
        using var otherPoi = _world.Client(HubHost.OtherPoiKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherPoi.GetAsync($"/api/v1/customers/{noordMember}/view?requestingIsil={NoordIsil}")).StatusCode);
    }

    private async Task<JsonElement> ViewAsync(string memberId, string isil, string key)
    {
        using var client = _world.Client(key);
        var response = await client.GetAsync($"/api/v1/customers/{memberId}/view?requestingIsil={isil}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"view answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> PutConsentAsync(string memberId, object body, string key)
    {
        using var client = _world.Client(key);
        var response = await client.PutAsJsonAsync($"/api/v1/customers/{memberId}/consent", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"consent answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Titles(JsonElement view, string list)
        => [.. view.GetProperty(list).EnumerateArray().Select(l => l.GetProperty("title").GetString()!)];
}

public sealed class CustomerViewEndToEndTests_on_Sqlite() : CustomerViewEndToEndTests(TestBackend.Sqlite);

[Collection(Lsb.Hub.Tests.CustomerView.Support.PostgresCustomerViewCollection.Name)]
public sealed class CustomerViewEndToEndTests_on_Postgres() : CustomerViewEndToEndTests(TestBackend.Postgres);
