using System.Net;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.CustomerView;

/// <summary>Consent through the API and from the member's ILS (a translated snapshot carrying ConsentIntegralView).</summary>
public abstract class ConsentTests(TestBackend backend) : IAsyncLifetime
{
    private const string Noord = CustomerWorld.NoordIsil;
    private const string Zuid = CustomerWorld.ZuidIsil;
    private const string Card = "2999006660001";
    private CustomerHub _hub = null!;

    public async ValueTask InitializeAsync() => _hub = await CustomerHub.StartAsync(backend);

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    [Fact]
    public async Task When_the_ILS_reports_an_opt_in_Should_record_it_with_the_installation_as_source_and_open_the_integral_view()
    {
        var noord = await _hub.AddMemberAsync("noord-ils", _hub.Member("n-1", Noord, Card, consent: true));
        await _hub.AddMemberAsync("zuid-ils", _hub.Member("z-1", Zuid, Card));

        var consent = await _hub.GetJsonAsync($"/api/v1/customers/{noord}/consent", CustomerKeys.Noord);
        Assert.True(consent.GetProperty("integralView").GetProperty("granted").GetBoolean());
        var entry = Assert.Single(consent.GetProperty("trail").EnumerateArray());
        Assert.Equal("ils:noord-ils", entry.GetProperty("source").GetString());
        Assert.Equal("noord-ils", entry.GetProperty("recordedBy").GetString());
        var view = await _hub.GetJsonAsync($"/api/v1/customers/{noord}/view?requestingIsil={Noord}", CustomerKeys.Noord);
        Assert.Equal("Integral", view.GetProperty("scope").GetString());
        Assert.Equal(2, view.GetProperty("memberships").GetArrayLength());
    }

    [Fact]
    public async Task When_the_ILS_repeats_an_old_value_after_an_opt_out_through_the_API_Should_keep_the_opt_out()
    {
        var noord = await _hub.AddMemberAsync("noord-ils", _hub.Member("n-1", Noord, Card, consent: true));
        await _hub.PutConsentAsync(noord, new { integralView = false, staffReference = "formulier-2026-118" }, CustomerKeys.Noord);

        // An unrelated change in the ILS (a new family name) that still carries the old consent value.
        await _hub.IngestAsync("noord-ils", _hub.Member("n-1", Noord, Card, familyName: "Jansen-de Wit", consent: true));

        var consent = await _hub.GetJsonAsync($"/api/v1/customers/{noord}/consent", CustomerKeys.Noord);
        Assert.False(consent.GetProperty("integralView").GetProperty("granted").GetBoolean());
        Assert.Equal("api", consent.GetProperty("integralView").GetProperty("source").GetString());
        Assert.Equal(2, consent.GetProperty("trail").GetArrayLength());
        Assert.Equal("formulier-2026-118", consent.GetProperty("trail")[1].GetProperty("staffReference").GetString());

        // A real change of the ILS value is a new decision.
        await _hub.IngestAsync("noord-ils", _hub.Member("n-1", Noord, Card, consent: false));
        await _hub.IngestAsync("noord-ils", _hub.Member("n-1", Noord, Card, consent: true));
        consent = await _hub.GetJsonAsync($"/api/v1/customers/{noord}/consent", CustomerKeys.Noord);
        Assert.True(consent.GetProperty("integralView").GetProperty("granted").GetBoolean());
        Assert.Equal(4, consent.GetProperty("trail").GetArrayLength());
    }

    [Fact]
    public async Task When_two_memberships_decide_differently_Should_follow_the_latest_decision_of_the_person()
    {
        var noord = await _hub.AddMemberAsync("noord-ils", _hub.Member("n-1", Noord, Card));
        var zuid = await _hub.AddMemberAsync("zuid-ils", _hub.Member("z-1", Zuid, Card));
        await _hub.PutConsentAsync(noord, new { integralView = true }, CustomerKeys.Noord);
        Assert.Equal("Integral", (await _hub.GetJsonAsync($"/api/v1/customers/{zuid}/view?requestingIsil={Zuid}", CustomerKeys.Zuid)).GetProperty("scope").GetString());

        var zuidConsent = await _hub.PutConsentAsync(zuid, new { integralView = false }, CustomerKeys.Zuid);

        Assert.Equal("this-membership", zuidConsent.GetProperty("integralView").GetProperty("recordedThrough").GetString());
        var noordView = await _hub.GetJsonAsync($"/api/v1/customers/{noord}/view?requestingIsil={Noord}", CustomerKeys.Noord);
        Assert.Equal("RequestingLibraryOnly", noordView.GetProperty("scope").GetString());
        Assert.Contains("opted out", noordView.GetProperty("notice").GetString(), StringComparison.Ordinal);
        var noordConsent = await _hub.GetJsonAsync($"/api/v1/customers/{noord}/consent", CustomerKeys.Noord);
        Assert.Equal("another-membership", noordConsent.GetProperty("integralView").GetProperty("recordedThrough").GetString());
        Assert.False(noordConsent.GetProperty("integralView").TryGetProperty("recordedBy", out _));
    }

    [Fact]
    public async Task When_the_consent_body_is_wrong_Should_answer_problem_json_and_record_nothing()
    {
        var noord = await _hub.AddMemberAsync("noord-ils", _hub.Member("n-1", Noord, Card));
        var empty = await _hub.PutConsentAsync(noord, new { staffReference = "balie" }, CustomerKeys.Noord, HttpStatusCode.BadRequest);
        Assert.Contains("integralView", empty.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        var typed = await _hub.PutConsentAsync(noord, new { integralView = "yes" }, CustomerKeys.Noord, HttpStatusCode.BadRequest);
        Assert.True(typed.TryGetProperty("errors", out _));
        await _hub.PutConsentAsync("mbr-0000", new { integralView = true }, CustomerKeys.Noord, HttpStatusCode.BadRequest);
        await _hub.PutConsentAsync(noord, new { integralView = true }, CustomerKeys.Zuid, HttpStatusCode.Forbidden);
        Assert.Equal(0, await _hub.ScalarAsync<long>("SELECT COUNT(*) FROM consent_audit"));
    }
}

public sealed class ConsentTests_on_Sqlite() : ConsentTests(TestBackend.Sqlite);

[Collection(Lsb.Hub.Tests.CustomerView.Support.PostgresCustomerViewCollection.Name)]
public sealed class ConsentTests_on_Postgres() : ConsentTests(TestBackend.Postgres);
