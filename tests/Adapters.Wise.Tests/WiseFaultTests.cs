using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Simulators.Wise;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>Wise-specific fault behaviour against the WireMock.Net stub: retries, messages, the WISE_KEY header, commands.
/// Each test gets its own stub, so a delayed answer of one test never reaches the next.</summary>
public sealed class WiseFaultTests : IDisposable
{
    private readonly WiseFaultFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_Wise_answers_500_The_adapter_should_retry_twice_before_giving_up()
    {
        fixture.Behave(InstallationBehaviour.ServerErrors);
        var e = await Assert.ThrowsAsync<IlsUnavailableException>(() => fixture.CreateAdapter().ReadChangesAsync(null, 100, Cancel));
        Assert.Equal(3, fixture.RequestsTo("/patronmanagement/patron/library/5101/updatedpatron"));
        Assert.Contains("INTERNAL_ERROR", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_WISE_KEY_is_refused_The_error_should_tell_the_administrator_what_to_check()
    {
        fixture.Behave(InstallationBehaviour.RefusesCredentials);
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => fixture.CreateAdapter().ReadChangesAsync(null, 100, Cancel));
        Assert.Contains("refused the WISE_KEY", e.Message, StringComparison.Ordinal);
        Assert.Contains("Credentials:fault-stub:AppId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_Wise_answers_malformed_JSON_The_error_should_name_the_installation_and_say_nothing_was_read()
    {
        fixture.Behave(InstallationBehaviour.MalformedAnswers);
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => fixture.CreateAdapter().ReadChangesAsync(null, 100, Cancel));
        Assert.Contains("'sandbox-wise' answered with malformed JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_whose_record_does_not_read_should_fail_alone_and_the_rest_of_its_page_should_translate()
    {
        // The second copy says "ja" where Wise sends a boolean: the page as a whole cannot be read into its records, so the
        // adapter reads it record by record; only that change fails, in translation, naming itself.
        fixture.ServeItemMutations(WiseCannedFeed.ItemMutations.Replace("\"iblUitleenbaar\":false", "\"iblUitleenbaar\":\"ja\"", StringComparison.Ordinal));
        var adapter = fixture.CreateAdapter();
        var items = (await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel)).Changes.Where(c => c.Feed == "item").ToList();
        Assert.Equal(["5000001", "5000002", "5000001"], items.Select(c => c.LocalId));
        var e = Assert.Throws<IlsProtocolException>(() => adapter.Translate(items[1]));
        Assert.Contains("5101:item:2", e.Message, StringComparison.Ordinal);
        Assert.IsType<HoldingSnapshot>(adapter.Translate(items[0]));
        Assert.Equal(HoldingStatus.OnLoan, Assert.IsType<HoldingSnapshot>(adapter.Translate(items[2])).Status);
    }

    [Fact]
    public async Task A_loan_without_its_required_patron_should_fail_alone_naming_itself()
    {
        // patronSystemId is required ([JsonRequired] on WiseLoan): the page does not read into its records in one pass, so
        // it is read record by record and that change fails in translation.
        fixture.ServeLoanMutations(WiseCannedFeed.LoanMutations.Replace("\"patronSystemId\":\"100001\",", "", StringComparison.Ordinal));
        var adapter = fixture.CreateAdapter();
        var loans = (await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel)).Changes.Where(c => c.Feed == "loan").ToList();
        var loan = Assert.Single(loans);
        Assert.Equal("9000001", loan.LocalId);
        var e = Assert.Throws<IlsProtocolException>(() => adapter.Translate(loan));
        Assert.Contains("5101:loan:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_whose_newest_mutation_number_is_not_a_number_should_be_refused_as_malformed()
    {
        fixture.ServeItemMutations(WiseCannedFeed.ItemMutations.Replace("\"laatsteMutatienummer\":3", "\"laatsteMutatienummer\":\"drie\"", StringComparison.Ordinal));
        var e = await Assert.ThrowsAsync<IlsProtocolException>(() => ChangeFeed.ReadToEndAsync(fixture.CreateAdapter(), null, 1000, Cancel));
        Assert.Contains("answered with malformed JSON while reading the item mutations of library 5101", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_translated_from_the_page_as_read_and_again_from_its_payload_should_give_the_same_canonical_change()
    {
        fixture.Behave(InstallationBehaviour.Normal);
        var adapter = fixture.CreateAdapter();
        var changes = (await ChangeFeed.ReadToEndAsync(adapter, null, 1000, Cancel)).Changes.Where(c => c.Feed is "item" or "loan").ToList();
        Assert.Equal(4, changes.Count);
        foreach (var change in changes)
        {
            var asRead = adapter.Translate(change);
            // The reading made while the page was read is handed out once: this translation reads the record's bytes.
            var fromPayload = adapter.Translate(change);
            Assert.Equal(fromPayload, asRead);
            Assert.Equal(fromPayload, adapter.Translate(new VendorChange(change.Feed, change.LocalId, change.SourceEventId, change.SourceVersion,
                change.ChangedAt, change.Payload, change.VendorLibraryId)));
        }
    }

    [Fact]
    public async Task Every_call_should_carry_the_WISE_KEY_derived_from_the_installation_credentials()
    {
        fixture.Behave(InstallationBehaviour.Normal);
        await ChangeFeed.ReadToEndAsync(fixture.CreateAdapter(), null, 1000, Cancel);
        var expected = WiseKey.Compute(WiseFaultFixture.AppId, WiseFaultFixture.AppKey, DateTimeOffset.UtcNow);
        Assert.NotEmpty(fixture.Server.LogEntries);
        Assert.All(fixture.Server.LogEntries, e => Assert.Equal(expected, e.RequestMessage!.Headers!["WISE_KEY"].Single()));
    }

    [Fact]
    public async Task When_a_check_out_times_out_The_outcome_should_be_Unknown_and_it_should_not_be_sent_twice()
    {
        fixture.Behave(InstallationBehaviour.Hangs);
        var result = await fixture.CreateAdapter().ExecuteAsync(new CheckOut
        {
            IdempotencyKey = "step-1", Isil = fixture.Installation.Libraries[0].Isil,
            Patron = new PatronRef(null, "100001", null), Item = new ItemRef(null, "5000001", null),
        }, Cancel);
        Assert.Equal(CommandOutcome.Unknown, result.Outcome);
        // WireMock logs a request once its (4 s) delayed answer is sent; a retry would have been sent within 50 ms.
        for (var waited = 0; waited < 70 && fixture.RequestsTo("/circulation/library/5101/checkout") == 0; waited++) await Task.Delay(100, Cancel);
        await Task.Delay(300, Cancel);
        Assert.Equal(1, fixture.RequestsTo("/circulation/library/5101/checkout"));
    }

    [Fact]
    public async Task When_a_command_meets_server_errors_The_outcome_should_be_Transient()
    {
        fixture.Behave(InstallationBehaviour.ServerErrors);
        var result = await fixture.CreateAdapter().ExecuteAsync(new CheckIn
        {
            IdempotencyKey = "step-2", Isil = fixture.Installation.Libraries[0].Isil, Item = new ItemRef(null, "5000001", null),
        }, Cancel);
        Assert.Equal(CommandOutcome.Transient, result.Outcome);
    }

    [Fact]
    public async Task When_the_installation_is_healthy_Health_should_say_it_holds_the_registered_libraries()
    {
        fixture.Behave(InstallationBehaviour.Normal);
        var health = await fixture.CreateAdapter().CheckHealthAsync(Cancel);
        Assert.True(health.Healthy, health.Description);
        Assert.Equal("Closed", health.CircuitState);
    }
}
