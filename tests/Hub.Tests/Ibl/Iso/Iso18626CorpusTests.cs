using Lsb.Hub.Tests.Infrastructure;

namespace Lsb.Hub.Tests.Ibl.Iso;

/// <summary>
/// Every ISO 18626 message of the crosslink corpus (read in place) posted to <c>/iso18626</c> as an external ILL system
/// would: valid ones confirmed OK, wrong ones confirmed ERROR with the error type ISO 18626 prescribes, never a 500. The
/// hub is the broker <c>BROKER</c>; the corpus's agencies are its peers, all served by one <see cref="FakeIso18626Peer"/>,
/// which also keeps what the hub sends so that it can be checked against the published schema.
/// </summary>
public abstract class Iso18626CorpusTests(TestBackend backend) : IAsyncLifetime
{
    private const string Broker = "BROKER";
    private const string Borrower = "NL-0851010000";
    private const string WiseLender = "NL-0851020000";
    private static readonly string[] Requesters = ["REQ", "REQ-CANCEL-1", "SUP_A", "SLNP_ONE"];
    private static readonly string[] Suppliers = ["SUP1", "SUP_B", "SLNP_TWO_A", "SUP"];
    private FakeIso18626Peer _peer = null!;
    private IblWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _peer = await FakeIso18626Peer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Ibl:Iso18626:AgencyId"] = Broker };
        var n = 0;
        foreach (var agency in Requesters.Concat(Suppliers))
        {
            settings[$"Ibl:Iso18626:Peers:{n}:AgencyId"] = agency;
            settings[$"Ibl:Iso18626:Peers:{n}:Address"] = _peer.AddressOf(agency).ToString();
            // SUP1 is the last resort of every rota; the others supply only when a requester names them.
            settings[$"Ibl:Iso18626:Peers:{n}:Supplies"] = agency == "SUP1" ? "true" : "false";
            n++;
        }
        _world = await IblWorld.StartAsync(backend, settings: settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
        if (_peer is not null) await _peer.DisposeAsync();
    }

    /// <summary>What the hub must answer to each corpus file posted as it is (null: OK). Files that need a live
    /// transaction first are answered UnrecognisedDataValue before it exists and OK after.</summary>
    private static readonly Dictionary<string, string?> AsIs = new()
    {
        ["illmock-req.xml"] = null,
        ["msg-invalid.xml"] = "BadlyFormedMessage",
        ["reqmsg-invalid-action.xml"] = "UnsupportedActionType",
        ["reqmsg-no-reqid.xml"] = "UnrecognisedDataValue",
        ["request-loaned-overdue-renew.xml"] = null,
        ["request-loaned-overdue.xml"] = null,
        ["request-loaned.xml"] = null,
        ["request-locally-available.xml"] = null,
        ["request-no-reqid.xml"] = "UnrecognisedDataValue",
        ["request-reminder.xml"] = "UnrecognisedDataValue",                  // requestType Reminder: not supported
        ["request-retry-1.xml"] = null,
        ["request-retry-after-unfilled.xml"] = "UnrecognisedDataValue",      // Retry: the hub never offered RetryPossible
        ["request-retry-changed-bibinfo.xml"] = null,
        ["request-retry-cost-loaned.xml"] = null,
        ["request-retry-non-existing.xml"] = "UnrecognisedDataValue",
        ["request-retry-onloan-loaned.xml"] = null,
        ["request-unfilled-2.xml"] = null,
        ["request-unfilled-willsupply.xml"] = null,
        ["request-unfilled.xml"] = null,
        ["request-willsupply-loaned.xml"] = null,
        ["request-willsupply-unfilled-willsupply-loaned.xml"] = null,
        ["supmsg-invalid-reason.xml"] = "UnsupportedReasonForMessageType",
        ["supmsg-invalid-status.xml"] = "UnrecognisedDataValue",
        ["supmsg-no-reqid.xml"] = "UnrecognisedDataValue",
    };

    [Fact]
    public async Task When_every_corpus_message_is_posted_Should_confirm_valid_ones_and_answer_wrong_ones_with_the_right_error_type()
    {
        var files = Directory.GetFiles(Iso18626Corpus.Crosslink, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 30, $"the corpus at {Iso18626Corpus.Crosslink} holds only {files.Count} messages");
        var answered = new HashSet<string>();

        foreach (var (file, expected) in AsIs)
        {
            await PostAsync(file, Iso18626Corpus.Read(file!), expected);
            answered.Add(file);
        }

        // The other illmock files repeat illmock-req's request id: a second request with one id is refused; each is accepted under its own id.
        foreach (var file in new[] { "illmock-cancel-req.xml", "illmock-error-req.xml", "illmock-renew-req.xml" })
        {
            var text = Iso18626Corpus.Read(file);
            await PostAsync(file + " (repeating js-test-1017)", text, "UnrecognisedDataValue");
            await PostAsync(file + " (own id)", text.Replace("js-test-1017", "js-test-" + file[8..^8], StringComparison.Ordinal), null);
            answered.Add(file);
        }

        // A crosslink template: {index} numbers the requesters.
        await PostAsync("request-willsupply-loaned-cancel.xml", Iso18626Corpus.Read("request-willsupply-loaned-cancel.xml").Replace("{index}", "1", StringComparison.Ordinal), null);
        answered.Add("request-willsupply-loaned-cancel.xml");

        // Supplier notifications about requests the broker passed to SUP1 (the last resort of the rota: no Dutch library has ISBN 1983).
        foreach (var (file, requestId) in new[] { ("supmsg-notification.xml", "5636c993-c41c-48f4-a285-470545f6f352"), ("supmsg-notification-2.xml", "5636c993-c41c-48f4-a285-470545f6f362") })
        {
            await _peer.WaitForAsync("SUP1", requestId, x => FakeIso18626Peer.Describe(x) == "request", "the request");
            await PostAsync(file, Iso18626Corpus.Read(file), null);
            answered.Add(file);
        }

        // supmsg-ok: SUP_B says Loaned for SUP_A's request 6ad1ff2e…, which SUP_A asked the hub to pass to SUP_B.
        await PostAsync("supmsg-ok.xml (no such transaction yet)", Iso18626Corpus.Read("supmsg-ok.xml"), "UnrecognisedDataValue");
        await PostAsync("request from SUP_A naming SUP_B", RequestFrom("SUP_A", "6ad1ff2e-bab2-4978-b064-656c0e67ebd6", "SUP_B"), null);
        await _peer.WaitForAsync("SUP_B", "6ad1ff2e-bab2-4978-b064-656c0e67ebd6", x => FakeIso18626Peer.Describe(x) == "request", "the request");
        await PostAsync("supmsg-ok.xml", Iso18626Corpus.Read("supmsg-ok.xml"), null);
        await _peer.WaitForAsync("SUP_A", "6ad1ff2e-bab2-4978-b064-656c0e67ebd6", x => FakeIso18626Peer.Describe(x) == "supplyingAgencyMessage StatusChange Loaned",
            "the broker passing Loaned on");
        answered.Add("supmsg-ok.xml");

        // reqmsg-notification and reqmsg-ok (Cancel): SLNP_ONE about its request 'reqid', which the hub passed to SLNP_TWO_A.
        await PostAsync("reqmsg-ok.xml (no such transaction yet)", Iso18626Corpus.Read("reqmsg-ok.xml"), "UnrecognisedDataValue");
        await PostAsync("request from SLNP_ONE naming SLNP_TWO_A", RequestFrom("SLNP_ONE", "reqid", "SLNP_TWO_A"), null);
        await _peer.WaitForAsync("SLNP_TWO_A", "reqid", x => FakeIso18626Peer.Describe(x) == "request", "the request");
        await PostAsync("reqmsg-notification.xml", Iso18626Corpus.Read("reqmsg-notification.xml"), null);
        await PostAsync("reqmsg-ok.xml", Iso18626Corpus.Read("reqmsg-ok.xml"), null);
        await _peer.WaitForAsync("SLNP_TWO_A", "reqid", x => FakeIso18626Peer.Describe(x) == "requestingAgencyMessage Cancel", "the broker passing Cancel on");
        answered.Add("reqmsg-notification.xml");
        answered.Add("reqmsg-ok.xml");

        Assert.DoesNotContain(files, f => !answered.Contains(f!));
        AssertEverythingSentIsValid();
    }

    [Fact]
    public async Task When_an_external_request_names_a_title_a_Dutch_library_holds_Should_enter_the_same_process_and_tell_the_requester_each_status()
    {
        var isbn = IblScenario.NewIsbn();
        await _world.AddCopyAsync(WiseLender, isbn);
        // An external agency borrows from a Dutch library like a Dutch library does: through its institutional patron there.
        _world.Wise.Control.AddPatron(IblWorld.WiseInstallation, _world.Libraries[WiseLender].LibraryId,
            new Simulators.Wise.PatronDraft { CardNumber = $"IBL-{WiseLender}-REQ", Category = "IBL", Status = "ACT" });
        var text = Iso18626Corpus.Read("request-loaned.xml")
            .Replace("5636c993-c41c-48f4-a285-470545f6f343", "dutch-title-1", StringComparison.Ordinal)
            .Replace("<bibliographicItemIdentifier>1983</bibliographicItemIdentifier>", $"<bibliographicItemIdentifier>{isbn}</bibliographicItemIdentifier>", StringComparison.Ordinal);
        await PostAsync("request-loaned.xml for a Dutch-held ISBN", text, null);
        var id = await _world.WaitForAsync<string>("the brokered request", "SELECT id FROM ibl_requests WHERE peer_request_id = 'dutch-title-1'", new { });
        var sent = await _world.WaitForStateAsync(id, "SentToSupplier");
        Assert.Equal("Adapter", sent.GetProperty("lender").GetProperty("channel").GetString());
        Assert.StartsWith(WiseLender[..9], sent.GetProperty("lender").GetProperty("agency").GetString(), StringComparison.Ordinal);

        var lenderKey = IblWorld.LibraryKey(WiseLender);
        await _world.ActAsync(id, lenderKey, new { action = "WillSupply" });
        await _world.ActAsync(id, lenderKey, new { action = "Shipped" });
        await _peer.WaitForAsync("REQ", "dutch-title-1", x => FakeIso18626Peer.Describe(x) == "supplyingAgencyMessage StatusChange Loaned", "Loaned");
        await PostAsync("Received from REQ", RequesterMessage("REQ", "dutch-title-1", sent.GetProperty("lender").GetProperty("agency").GetString()!, "Received"), null);
        await _world.WaitForStateAsync(id, "Received");
        await PostAsync("ShippedReturn from REQ", RequesterMessage("REQ", "dutch-title-1", Broker, "ShippedReturn"), null);
        await _world.WaitForStateAsync(id, "ShippedReturn");
        await _world.ActAsync(id, lenderKey, new { action = "CheckedIn" });
        await _world.WaitForStateAsync(id, "LoanCompleted");
        await _peer.WaitForAsync("REQ", "dutch-title-1", x => FakeIso18626Peer.Describe(x) == "supplyingAgencyMessage StatusChange LoanCompleted", "LoanCompleted");
        var told = _peer.For("REQ", "dutch-title-1").Select(FakeIso18626Peer.Describe).ToList();
        Assert.True(told.Any(t => t.EndsWith(" WillSupply", StringComparison.Ordinal)), $"REQ was told: {string.Join(", ", told)}");
        AssertEverythingSentIsValid();
    }

    [Fact]
    public async Task When_a_Dutch_member_request_goes_to_an_external_lender_Should_carry_a_pseudonymous_patron_id_and_no_name_or_card()
    {
        var isbn = IblScenario.NewIsbn(); // no Dutch library holds it: the rota ends at the external last resort SUP1
        var (member, card) = await _world.AddMemberAsync(Borrower);
        var id = await _world.PlaceAsync(Borrower, member, isbn);
        var view = await _world.WaitForStateAsync(id, "SentToSupplier");
        Assert.Equal("SUP1", view.GetProperty("lender").GetProperty("agency").GetString());
        var request = await _peer.WaitForAsync("SUP1", id, x => FakeIso18626Peer.Describe(x) == "request", "the request");

        var pseudonym = view.GetProperty("patronPseudonym").GetString()!;
        Assert.Equal(pseudonym, Iso18626Corpus.Value(request, "patronId"));
        Assert.StartsWith("ibl-patron-", pseudonym, StringComparison.Ordinal);
        foreach (var secret in new[] { card, member, "Noor", "Vermeulen" })
            Assert.False(request.Contains(secret, StringComparison.OrdinalIgnoreCase), $"the request to SUP1 carries '{secret}': {request}");
        Assert.Empty(Iso18626Corpus.SchemaErrors(request));

        // What the lender's own staff see is no more than that.
        await _world.ActAsync(id, IblWorld.AdminKey, new { action = "Cancel" });
        var cancel = await _peer.WaitForAsync("SUP1", id, x => FakeIso18626Peer.Describe(x) == "requestingAgencyMessage Cancel", "Cancel");
        foreach (var secret in new[] { card, member, "Vermeulen" }) Assert.DoesNotContain(secret, cancel, StringComparison.OrdinalIgnoreCase);
    }

    private async Task PostAsync(string what, string xml, string? expectedErrorType)
    {
        using var client = _world.Client(apiKey: null);
        Iso18626Exchange.AssertAnswer(what, await Iso18626Exchange.PostAsync(client, what, xml), expectedErrorType);
    }

    private void AssertEverythingSentIsValid()
    {
        var sent = _peer.Received.ToList();
        Assert.NotEmpty(sent);
        foreach (var (agency, xml) in sent)
        {
            var errors = Iso18626Corpus.SchemaErrors(xml);
            Assert.True(errors.Count == 0, $"a message the hub sent to {agency} does not validate against ISO-18626-v1_2.xsd: {string.Join("; ", errors)}\n{xml}");
        }
    }

    /// <summary>request-loaned.xml as sent by <paramref name="requester"/> with its own id, naming <paramref name="supplier"/>.</summary>
    private static string RequestFrom(string requester, string requestId, string supplier)
        => Iso18626Corpus.Read("request-loaned.xml")
            .Replace("<agencyIdValue>REQ</agencyIdValue>", $"<agencyIdValue>{requester}</agencyIdValue>", StringComparison.Ordinal)
            .Replace("5636c993-c41c-48f4-a285-470545f6f343", requestId, StringComparison.Ordinal)
            .Replace("<supplierInfo></supplierInfo>",
                $"<supplierInfo><sortOrder>1</sortOrder><supplierCode><agencyIdType>ISIL</agencyIdType><agencyIdValue>{supplier}</agencyIdValue></supplierCode></supplierInfo>",
                StringComparison.Ordinal);

    /// <summary>reqmsg-ok.xml as <paramref name="requester"/> sends it about <paramref name="requestId"/> with <paramref name="action"/>.</summary>
    private static string RequesterMessage(string requester, string requestId, string supplier, string action)
        => Iso18626Corpus.Read("reqmsg-ok.xml")
            .Replace("<agencyIdValue>SLNP_ONE</agencyIdValue>", $"<agencyIdValue>{requester}</agencyIdValue>", StringComparison.Ordinal)
            .Replace("<agencyIdValue>SLNP_TWO_A</agencyIdValue>", $"<agencyIdValue>{supplier}</agencyIdValue>", StringComparison.Ordinal)
            .Replace("<requestingAgencyRequestId>reqid</requestingAgencyRequestId>", $"<requestingAgencyRequestId>{requestId}</requestingAgencyRequestId>", StringComparison.Ordinal)
            .Replace("<action>Cancel</action>", $"<action>{action}</action>", StringComparison.Ordinal);
}

public sealed class Iso18626CorpusTests_on_Sqlite() : Iso18626CorpusTests(TestBackend.Sqlite);

public sealed class Iso18626CorpusTests_on_Postgres() : Iso18626CorpusTests(TestBackend.Postgres);
