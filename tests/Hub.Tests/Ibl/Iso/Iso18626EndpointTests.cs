using Dapper;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Ibl.Iso;

/// <summary>
/// <c>POST /iso18626</c> answering what a peer sends wrong, and what goes wrong inside the hub, with a confirmation that
/// carries the error type — never a 500. The hub is the broker <c>BROKER</c>; <c>REQ</c> is a requesting peer.
/// </summary>
public abstract class Iso18626EndpointTests(TestBackend backend) : IAsyncLifetime
{
    private FakeIso18626Peer _peer = null!;
    private HubHost _hub = null!;

    public async ValueTask InitializeAsync()
    {
        _peer = await FakeIso18626Peer.StartAsync();
        _hub = await HubHost.StartAsync(backend, new Dictionary<string, string?>
        {
            ["Ibl:Iso18626:AgencyId"] = "BROKER",
            ["Ibl:Iso18626:Peers:0:AgencyId"] = "REQ",
            ["Ibl:Iso18626:Peers:0:Address"] = _peer.AddressOf("REQ").ToString(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
        if (_peer is not null) await _peer.DisposeAsync();
    }

    /// <summary>request-loaned.xml as REQ sends it under <paramref name="requestId"/>.</summary>
    private static string Request(string requestId)
        => Iso18626Corpus.Read("request-loaned.xml").Replace("5636c993-c41c-48f4-a285-470545f6f343", requestId, StringComparison.Ordinal);

    private async Task<string> PostAsync(string what, string xml)
    {
        using var client = _hub.Client(apiKey: null);
        return await Iso18626Exchange.PostAsync(client, what, xml);
    }

    private async Task<long> RequestsOfAsync(string peerRequestId)
    {
        await using var connection = await _hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ibl_requests WHERE peer_request_id = @peerRequestId", new { peerRequestId });
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _hub.Services.GetRequiredService<HubDatabase>().OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    [Fact]
    public async Task When_a_request_carries_an_element_ISO_18626_does_not_have_Should_answer_UnrecognisedDataElement_and_start_nothing()
    {
        var xml = Request("with-colour").Replace("<author>JRR Tolkien</author>", "<author>JRR Tolkien</author><colour>red</colour>", StringComparison.Ordinal);

        var confirmation = await PostAsync("a request with <colour>", xml);

        Iso18626Exchange.AssertAnswer("a request with <colour>", confirmation, "UnrecognisedDataElement");
        Assert.StartsWith("colour:", Iso18626Corpus.Value(confirmation, "errorValue"), StringComparison.Ordinal);
        Assert.Equal("with-colour", Iso18626Corpus.Value(confirmation, "requestingAgencyRequestId"));
        Assert.Equal(0, await RequestsOfAsync("with-colour"));
    }

    [Fact]
    public async Task When_a_message_nests_elements_a_hundred_and_forty_thousand_deep_Should_answer_BadlyFormedMessage_and_stay_up()
    {
        var confirmation = await PostAsync("a request nested 140,000 deep", Iso18626ReaderTests.Nested(140_000));

        Iso18626Exchange.AssertAnswer("a request nested 140,000 deep", confirmation, "BadlyFormedMessage");
        Iso18626Exchange.AssertAnswer("the next request", await PostAsync("the next request", Request("after-the-deep-one")), null);
    }

    [Fact]
    public async Task When_the_hub_fails_while_processing_a_message_Should_answer_a_confirmation_with_an_error_type_and_accept_the_message_sent_again()
    {
        // The database fails under the broker: the table a new request is stored in is not there.
        await ExecuteAsync("ALTER TABLE ibl_requests RENAME TO ibl_requests_away");
        string failed;
        try
        {
            failed = await PostAsync("a request while the database fails", Request("while-failing"));
        }
        finally
        {
            await ExecuteAsync("ALTER TABLE ibl_requests_away RENAME TO ibl_requests");
        }
        Iso18626Exchange.AssertAnswer("a request while the database fails", failed, "UnrecognisedDataValue");
        Assert.Contains("send it again later", Iso18626Corpus.Value(failed, "errorValue"), StringComparison.Ordinal);
        Assert.Equal("while-failing", Iso18626Corpus.Value(failed, "requestingAgencyRequestId"));
        Assert.Equal(0, await RequestsOfAsync("while-failing"));

        // Sent again, as the answer says: accepted, not refused as a duplicate of a half-stored first try.
        Iso18626Exchange.AssertAnswer("the request sent again", await PostAsync("the request sent again", Request("while-failing")), null);
        Assert.Equal(1, await RequestsOfAsync("while-failing"));
    }
}

public sealed class Iso18626EndpointTests_on_Sqlite() : Iso18626EndpointTests(TestBackend.Sqlite);

public sealed class Iso18626EndpointTests_on_Postgres() : Iso18626EndpointTests(TestBackend.Postgres);
