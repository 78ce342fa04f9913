using System.Xml.Linq;
using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>V-smart-specific fault behaviour against the WireMock.Net stub: NCIP problems as typed results (a blocked patron
/// is not retried), timeouts, OAI-PMH errors, retries, credentials. Each test gets its own stub.</summary>
public sealed class VSmartFaultTests : IDisposable
{
    private static readonly Isil Library = Isil.Parse("NL-0852010000");
    private readonly VSmartFaultFixture _stub = new();

    public void Dispose() => _stub.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Problem(string service, string type) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <NCIPMessage xmlns="http://www.niso.org/2008/ncip" version="http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd"><{service}Response>
        <Problem><ProblemType Scheme="http://www.niso.org/ncip/v1_0/schemes/processingerrortype/{service.ToLowerInvariant()}processingerror.scm">{type}</ProblemType>
        <ProblemDetail>Borrower 200001 has status BL.</ProblemDetail><ProblemElement>UserIdentifierValue</ProblemElement><ProblemValue>200001</ProblemValue></Problem>
        </{service}Response></NCIPMessage>
        """;

    private static CheckOut CheckOut() => new()
    {
        IdempotencyKey = "step-1", Isil = Library, Patron = new PatronRef(null, "200001", null), Item = new ItemRef(null, "7000001", null),
    };

    [Fact]
    public async Task When_NCIP_says_User_Blocked_The_hold_should_be_rejected_as_PatronBlocked_and_sent_once()
    {
        _stub.Ncip("RequestItem", Problem("RequestItem", "User Blocked"));
        var result = await _stub.CreateAdapter().ExecuteAsync(new PlaceHold
        {
            IdempotencyKey = "step-2", Isil = Library, Patron = new PatronRef(null, "200001", null), TitleId = "3000001",
        }, Cancel);
        Assert.Equal((CommandOutcome.Rejected, RejectionReason.PatronBlocked), (result.Outcome, result.Reason));
        Assert.Equal("User Blocked", result.RawStatus);
        Assert.Contains("retrying will not help", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, _stub.RequestsTo("/ncip"));
    }

    [Theory]
    [InlineData("CheckOutItem", "Unknown User", CommandOutcome.Rejected, RejectionReason.PatronUnknown)]
    [InlineData("CheckOutItem", "Unknown Item", CommandOutcome.Rejected, RejectionReason.ItemUnknown)]
    [InlineData("CheckOutItem", "Resource Cannot Be Provided", CommandOutcome.Rejected, RejectionReason.ItemNotAvailable)]
    [InlineData("CheckOutItem", "Item Does Not Circulate", CommandOutcome.Rejected, RejectionReason.ItemNotAvailable)]
    [InlineData("CheckOutItem", "User Blocked", CommandOutcome.Rejected, RejectionReason.PatronBlocked)]
    [InlineData("CheckOutItem", "Temporary Processing Failure", CommandOutcome.Transient, RejectionReason.None)]
    public async Task When_a_check_out_meets_an_NCIP_problem_The_outcome_should_say_which(string service, string problem, CommandOutcome outcome, RejectionReason reason)
    {
        _stub.Ncip(service, Problem(service, problem));
        var result = await _stub.CreateAdapter().ExecuteAsync(CheckOut(), Cancel);
        Assert.Equal((outcome, reason), (result.Outcome, result.Reason));
        Assert.Equal(1, _stub.RequestsTo("/ncip"));
    }

    [Fact]
    public async Task When_a_check_out_times_out_The_outcome_should_be_Unknown_and_it_should_not_be_sent_twice()
    {
        _stub.Ncip("CheckOutItem", Problem("CheckOutItem", "Unknown User"), TimeSpan.FromSeconds(4));
        var result = await _stub.CreateAdapter().ExecuteAsync(CheckOut(), Cancel);
        Assert.Equal(CommandOutcome.Unknown, result.Outcome);
        // WireMock logs a request once its (4 s) delayed answer is sent; a retry would have been sent within 50 ms.
        for (var waited = 0; waited < 70 && _stub.RequestsTo("/ncip") == 0; waited++) await Task.Delay(100, Cancel);
        await Task.Delay(300, Cancel);
        Assert.Equal(1, _stub.RequestsTo("/ncip"));
    }

    [Fact]
    public async Task When_a_patron_lookup_times_out_It_only_reads_so_it_should_be_retried_and_then_be_Transient()
    {
        _stub.Ncip("LookupUser", Problem("LookupUser", "Unknown User"), TimeSpan.FromSeconds(4));
        var result = await _stub.CreateAdapter().ExecuteAsync(new LookupPatron { IdempotencyKey = "k", Isil = Library, Patron = new PatronRef(null, "200001", null) }, Cancel);
        Assert.Equal(CommandOutcome.Transient, result.Outcome);
        for (var waited = 0; waited < 100 && _stub.RequestsTo("/ncip") < 3; waited++) await Task.Delay(100, Cancel);
        Assert.Equal(3, _stub.RequestsTo("/ncip"));
    }

    [Fact]
    public async Task When_the_NCIP_server_answers_500_A_command_should_be_Transient()
    {
        _stub.Server.Given(Request.Create().WithPath(VSmartCannedFeed.Base + "/ncip").UsingPost()).RespondWith(Response.Create().WithStatusCode(500).WithBody("down"));
        var result = await _stub.CreateAdapter().ExecuteAsync(new CheckIn { IdempotencyKey = "k", Isil = Library, Item = new ItemRef(null, "7000001", null) }, Cancel);
        Assert.Equal(CommandOutcome.Transient, result.Outcome);
    }

    [Fact]
    public async Task When_the_NCIP_server_answers_with_something_that_is_not_NCIP_The_error_should_say_what_came()
    {
        _stub.Ncip("CheckInItem", """{"error":"not here"}""");
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => _stub.CreateAdapter().ExecuteAsync(new CheckIn { IdempotencyKey = "k", Isil = Library, Item = new ItemRef(null, "7000001", null) }, Cancel));
        Assert.Contains("JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_repository_answers_badArgument_Reading_should_throw_IlsProtocolException_naming_the_error()
    {
        _stub.Oai("ListRecords", VSmartCannedFeed.Error("badArgument", "set is not valid"));
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => _stub.CreateAdapter().ReadChangesAsync(null, 100, Cancel));
        Assert.Contains("OAI-PMH error badArgument", e.Message, StringComparison.Ordinal);
        Assert.Contains("SetPrefix", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_set_has_no_records_noRecordsMatch_Should_end_the_harvest_without_changes()
    {
        _stub.Oai("ListRecords", VSmartCannedFeed.Error("noRecordsMatch", "No records match"));
        var (changes, _) = await ChangeFeed.ReadToEndAsync(_stub.CreateAdapter(), null, 100, Cancel);
        Assert.Equal(3, changes.Count);
        Assert.DoesNotContain(changes, c => c.Feed == "holding");
    }

    [Fact]
    public async Task When_a_resumption_token_has_expired_The_harvest_should_restart_and_still_give_every_copy()
    {
        var adapter = _stub.CreateAdapter();
        var first = await adapter.ReadChangesAsync(null, 4, Cancel);
        Assert.True(first.HasMore);
        Assert.Contains("page-2-of-2", first.NextCursor, StringComparison.Ordinal);
        _stub.Server.Given(Request.Create().WithPath(VSmartCannedFeed.Base + "/oai").UsingGet().WithParam("resumptionToken", VSmartCannedFeed.SecondPageToken))
            .InScenario("expiry").WillSetStateTo("expired once").AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(VSmartCannedFeed.Error("badResumptionToken", "The resumption token has expired")));
        var (rest, _) = await ChangeFeed.ReadToEndAsync(_stub.CreateAdapter(), first.NextCursor, 100, Cancel);
        var holdings = first.Changes.Concat(rest).Where(c => c.Feed == "holding").Select(c => c.LocalId).ToList();
        Assert.Contains("7000001", holdings);
        Assert.Contains("7000002", holdings);
        Assert.Equal(2, _stub.Server.LogEntries.Count(e => e.RequestMessage?.Query?.ContainsKey("metadataPrefix") == true));
    }

    [Fact]
    public async Task When_OAI_answers_503_with_Retry_After_The_adapter_should_retry_and_read_the_page()
    {
        _stub.Server.Given(Request.Create().WithPath(VSmartCannedFeed.Base + "/oai").UsingGet().WithParam("verb", "ListRecords")).InScenario("busy")
            .WillSetStateTo("served").AtPriority(0).RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        var (changes, _) = await ChangeFeed.ReadToEndAsync(_stub.CreateAdapter(), null, 100, Cancel);
        Assert.Equal(VSmartCannedFeed.ChangeCount, changes.Count);
    }

    [Fact]
    public async Task When_the_credentials_are_refused_The_error_should_tell_the_administrator_what_to_check()
    {
        _stub.Behave(InstallationBehaviour.RefusesCredentials);
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => _stub.CreateAdapter().ReadChangesAsync(null, 100, Cancel));
        Assert.Contains("refused the hub's credentials", e.Message, StringComparison.Ordinal);
        Assert.Contains("Credentials:fault-stub:Username", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_call_should_carry_the_installation_credentials_as_HTTP_Basic()
    {
        await ChangeFeed.ReadToEndAsync(_stub.CreateAdapter(), null, 1000, Cancel);
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{VSmartFaultFixture.Username}:{VSmartFaultFixture.Password}"));
        Assert.NotEmpty(_stub.Server.LogEntries);
        Assert.All(_stub.Server.LogEntries, e => Assert.Equal(expected, e.RequestMessage!.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task A_harvested_copy_translates_to_a_canonical_holding_with_title_identifiers_branch_and_lending_policy()
    {
        var adapter = _stub.CreateAdapter();
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel);
        var copies = changes.Select(adapter.Translate).OfType<Changes.HoldingSnapshot>().ToDictionary(h => h.LocalId);
        var first = copies["7000001"];
        Assert.Equal(("De stille rivier", "Jansen, Jan", "9789023466123", "123456789", "3000001"),
            (first.Title, first.Author, first.Bibliographic.Isbn, first.Bibliographic.Ppn, first.Bibliographic.LocalRecordId));
        Assert.Equal((Library, "3123000000001", "Volwassenen romans", "ROMAN JANS", true), (first.Isil, first.Barcode, first.Location, first.Shelfmark, first.LendableForIbl));
        Assert.Equal((Canonical.Holdings.HoldingStatus.Available, "AV", 11L), (first.Status, first.RawStatus, first.SourceVersion));
        var second = copies["7000002"];
        Assert.Equal((Isil.Parse("NL-0852010001"), Canonical.Holdings.HoldingStatus.OnLoan, false), (second.Isil, second.Status, second.LendableForIbl));
        Assert.Equal(Canonical.Holdings.HoldingStatus.InTransit, copies["7000003"].Status);
    }

    [Fact]
    public async Task A_borrower_entry_translates_to_a_member_with_consent_and_a_deletion_to_MemberGone()
    {
        var adapter = _stub.CreateAdapter();
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel);
        var member = changes.Select(adapter.Translate).OfType<Changes.MemberSnapshot>().Single();
        Assert.Equal(("200001", "21230000000001", "Bakker", true, Canonical.Members.MemberCategory.Adult), (member.LocalId, member.CardNumber, member.FamilyName, member.ConsentIntegralView, member.Category));
        Assert.Equal(new Canonical.Members.PostalAddress("Duinweg", "12", "2042 AB", "Zandvoort"), member.Address);
        var gone = changes.Select(adapter.Translate).OfType<Changes.MemberGone>().Single();
        Assert.Equal(("200009", Isil.Parse("NL-0852010001")), (gone.LocalId, gone.HomeIsil));
    }

    [Fact]
    public async Task A_lookup_reads_category_status_blocks_and_fines_from_the_NCIP_answer()
    {
        _stub.Ncip("LookupUser", """
            <?xml version="1.0"?><NCIPMessage xmlns="http://www.niso.org/2008/ncip" version="x"><LookupUserResponse>
            <UserId><AgencyId>DRD</AgencyId><UserIdentifierType>Institution Id Number</UserIdentifierType><UserIdentifierValue>200001</UserIdentifierValue></UserId>
            <UserFiscalAccount><AccountBalance><CurrencyCode>EUR</CurrencyCode><MonetaryValue>1250</MonetaryValue></AccountBalance></UserFiscalAccount>
            <UserOptionalFields>
              <UserPrivilege><AgencyId>DRD</AgencyId><AgencyUserPrivilegeType>PROFILE</AgencyUserPrivilegeType><ValidToDate>2027-03-01T00:00:00Z</ValidToDate><UserPrivilegeStatus><UserPrivilegeStatusType>02</UserPrivilegeStatusType></UserPrivilegeStatus></UserPrivilege>
              <UserPrivilege><AgencyId>DRD</AgencyId><AgencyUserPrivilegeType>STATUS</AgencyUserPrivilegeType><UserPrivilegeStatus><UserPrivilegeStatusType>BL</UserPrivilegeStatusType></UserPrivilegeStatus></UserPrivilege>
              <BlockOrTrap><AgencyId>DRD</AgencyId><BlockOrTrapType>Block Check Out</BlockOrTrapType></BlockOrTrap>
            </UserOptionalFields></LookupUserResponse></NCIPMessage>
            """);
        var result = await _stub.CreateAdapter().ExecuteAsync(new LookupPatron { IdempotencyKey = "k", Isil = Library, Patron = new PatronRef(null, null, "21230000000001") }, Cancel);
        Assert.Equal(CommandOutcome.Succeeded, result.Outcome);
        Assert.Equal(new PatronStanding("200001", Canonical.Members.MemberStatus.Blocked, Canonical.Members.MemberCategory.Youth, true, new DateOnly(2027, 3, 1)), result.Patron);
        var sent = XDocument.Parse(Assert.Single(_stub.Server.LogEntries).RequestMessage!.Body!);
        Assert.DoesNotContain(sent.Descendants(), e => e.Name.LocalName == "UserElementType" && e.Value is "Name Information" or "User Address Information");
    }
}
