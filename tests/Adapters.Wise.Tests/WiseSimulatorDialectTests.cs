using System.Net;
using System.Text.Json;
using Lsb.Hub.Simulators.Wise;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>The simulator's Wise dialect seen over plain HTTP: key checks, errors, paging, determinism.</summary>
public sealed class WiseSimulatorDialectTests(WiseSimulatorFixture fixture) : IClassFixture<WiseSimulatorFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private WiseInstallationAccess Access => fixture.Simulator.Installations[0];

    [Theory]
    [InlineData(null)]
    [InlineData("bm90LXRoZS1rZXk")]
    public async Task When_the_WISE_KEY_is_missing_or_wrong_The_simulator_should_answer_401_with_a_Wise_error_body(string? key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Access.Endpoint + "/library");
        if (key is not null) request.Headers.TryAddWithoutValidation("WISE_KEY", key);
        using var response = await http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(key is null ? "MISSING_WISE_KEY" : "INVALID_WISE_KEY", body.RootElement.GetProperty("errorCode").GetString());
    }

    [Theory]
    [InlineData("WISE_KEY")]
    [InlineData("WISE-KEY")]
    public async Task When_a_valid_key_is_sent_under_either_header_spelling_The_simulator_should_answer(string header)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Access.Endpoint + "/library");
        request.Headers.TryAddWithoutValidation(header, WiseKey.Compute(Access.AppId, Access.AppKey, DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task When_the_app_key_is_wrong_Reading_should_throw_IlsProtocolException_saying_the_WISE_KEY_was_refused()
    {
        using var host = new WiseAdapterHost();
        var adapter = host.Factory.Create(WiseAdapterHost.Describe(Access));
        host.Credentials.Set(Access.Name, Access.AppId, "a-key-from-another-environment");
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => adapter.ReadChangesAsync(null, 10, Cancel));
        Assert.Contains("WISE_KEY", e.Message, StringComparison.Ordinal);
        Assert.Contains($"Credentials:{Access.Name}:AppId", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a-key-from-another-environment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_no_credentials_are_configured_Reading_should_say_where_to_put_them()
    {
        using var host = new WiseAdapterHost();
        var adapter = host.Factory.Create(WiseAdapterHost.Describe(Access));
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => adapter.ReadChangesAsync(null, 10, Cancel));
        Assert.Contains($"Credentials__{Access.Name}__AppId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_feed_limit_exceeds_1000_The_simulator_should_refuse_with_400()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("WISE_KEY", WiseKey.Compute(Access.AppId, Access.AppKey, DateTimeOffset.UtcNow));
        using var response = await http.GetAsync(new Uri(Access.Endpoint + "/itemmanagement/library/5101/itemmutations?after=0&limit=1001"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Two_simulators_with_the_same_seed_Should_serve_the_same_changes()
    {
        var options = new WiseSimulatorOptions { PatronsPerLibrary = 15, ItemsPerLibrary = 30, LoansPerLibrary = 8, Seed = 42 };
        await using var first = await WiseSimulator.StartAsync(options, Cancel);
        await using var second = await WiseSimulator.StartAsync(options, Cancel);
        using var host = new WiseAdapterHost();
        var (a, _) = await Contract.ChangeFeed.ReadToEndAsync(host.Create(first.Installations[0]), null, 1000, Cancel);
        var (b, _) = await Contract.ChangeFeed.ReadToEndAsync(host.Create(second.Installations[0]), null, 1000, Cancel);
        Assert.Equal(3 * (15 + 30 + 8 + 8), a.Count);
        Assert.Equal(a.Select(c => (c.SourceEventId, c.Payload)), b.Select(c => (c.SourceEventId, c.Payload)));
    }

    [Fact]
    public async Task When_N_changes_are_generated_A_reader_after_the_cursor_should_see_exactly_N_distinct_changes()
    {
        using var host = new WiseAdapterHost();
        var adapter = host.Create(Access);
        var cursor = await Contract.ChangeFeed.TailAsync(adapter, Cancel);
        var generated = fixture.Simulator.Control.Generate(Access.Name, 5000);
        var (changes, _) = await Contract.ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        Assert.Equal(5000, generated.Total);
        Assert.Equal(5000, changes.Count);
        Assert.Equal(5000, changes.Select(c => c.SourceEventId).Distinct().Count());
        Assert.Equal(generated.Patrons, changes.Count(c => c.Feed == "patron"));
        foreach (var change in changes) adapter.Translate(change);
    }

    [Fact]
    public async Task When_the_desk_takes_in_a_barcode_Wise_does_not_know_The_adapter_should_report_a_foreign_copy_returned_at_that_library()
    {
        using var host = new WiseAdapterHost();
        var adapter = host.Create(Access);
        var library = Access.Libraries[0];
        var cursor = await Contract.ChangeFeed.TailAsync(adapter, Cancel);
        Assert.Null(fixture.Simulator.Control.TakeInAtDesk(Access.Name, library.LibraryId, "9990000000001"));
        var (changes, _) = await Contract.ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        var change = Assert.Single(changes);
        var returned = Assert.IsType<Changes.ForeignCopyReturned>(adapter.Translate(change));
        Assert.Equal("9990000000001", returned.Barcode);
        Assert.Equal(library.Isil, returned.ReturningIsil.Value);
        Assert.Equal(change.SourceEventId, returned.SourceEventId);
    }
}
