using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Rota;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>
/// Sourcing (<see cref="LenderSourcing"/>) against a real hub database: copies fed through canonical ingest (so they
/// reach <c>holdings</c>, the event log and the union holdings index the way production's do), per-library IBL settings
/// from configuration, and the rota it builds for a request.
/// </summary>
public abstract class IblSourcingTests(TestBackend backend) : IAsyncLifetime
{
    private const string Requester = "NL-0854100000";   // region Zuid
    private const string OptedOut = "NL-0854010000";    // LendingOptOut
    private const string Excluding = "NL-0854020000";   // never lends from Naslag
    private const string Preferring = "NL-0854030000";  // lends from Magazijn first
    private const string Plain = "NL-0854040000";
    private const string Plain2 = "NL-0854050000";
    private const string South = "NL-0854060000";       // region Zuid
    private static readonly string[] North = ["NL-0854070000", "NL-0854080000", "NL-0854090000"];
    private HubHost _hub = null!;
    private DirectCopies _copies = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Ibl:Libraries:{Requester}:Region"] = "Zuid",
            [$"Ibl:Libraries:{OptedOut}:LendingOptOut"] = "true",
            [$"Ibl:Libraries:{Excluding}:ExcludedLocations:0"] = "Naslag",
            [$"Ibl:Libraries:{Preferring}:PreferredLocations:0"] = "Magazijn",
            [$"Ibl:Libraries:{South}:Region"] = "zuid",
        };
        foreach (var isil in North) settings[$"Ibl:Libraries:{isil}:Region"] = "Noord";
        _hub = await HubHost.StartAsync(backend, settings);
        _copies = new DirectCopies(() => _hub.Services);
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    private static IblRequest Request(string? isbn = null, string? ppn = null, string? oclc = null, string? suggested = null) => new()
    {
        Id = IblRequestId.New().ToString(), State = IblRequestState.Sourcing, Origin = IblOrigin.Api, RequestingAgency = Requester,
        Isbn = isbn, Ppn = ppn, OclcNumber = oclc, SuggestedSuppliers = suggested,
    };

    private async Task<IReadOnlyList<LenderCandidate>> LendersAsync(IblRequest request)
        => (await _hub.Services.GetRequiredService<LenderSourcing>().FindAsync(request, CancellationToken.None)).Lenders;

    private async Task<List<string>> IndexedAsync(string holdingId)
    {
        await using var connection = await _hub.Services.GetRequiredService<Storage.HubDatabase>().OpenAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT holding_id FROM holdings_index WHERE holding_id = @holdingId", new { holdingId })];
    }

    [Fact]
    public async Task When_a_request_spells_the_title_differently_from_the_library_Should_find_the_copy_by_its_normalised_ISBN_OCLC_number_or_PPN()
    {
        var byIsbn = await _copies.PutAsync("isbn13", Plain, "35100000000001", isbn: "9780306406157");
        var byOclc = await _copies.PutAsync("oclc", Plain2, "35100000000002", oclc: "ocm00012345");
        var byPpn = await _copies.PutAsync("ppn", South, "35100000000003", ppn: "12345678X");

        foreach (var isbn in new[] { "0-306-40615-2", "0306406152", "ISBN 978-0-306-40615-7" })
            Assert.Equal(byIsbn, Assert.Single(await LendersAsync(Request(isbn: isbn))).HoldingId);
        foreach (var oclc in new[] { "(OCoLC)12345", "ocn012345", "12345" })
            Assert.Equal(byOclc, Assert.Single(await LendersAsync(Request(oclc: oclc))).HoldingId);
        Assert.Equal(byPpn, Assert.Single(await LendersAsync(Request(ppn: "PPN 12345678x"))).HoldingId);
        var either = await LendersAsync(Request(isbn: "0-306-40615-2", oclc: "(OCoLC)00012345"));
        Assert.Equal(new[] { byIsbn, byOclc }.Order(StringComparer.Ordinal), either.Select(l => l.HoldingId!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task When_the_index_has_not_yet_caught_up_with_a_new_copy_Should_still_find_it()
    {
        // Stop the projection's background service on every node: only sourcing itself can now bring the index up to date.
        await _hub.StopHoldingsProjectionAsync();
        // An ingest page whose events follow the projection's checkpoint directly is indexed in its own transaction; put
        // the checkpoint one event back, as if the projection had not read the copy before this one, so the new copy's
        // page is left to the projection.
        await _copies.PutAsync("before", Plain, "35100000000010", isbn: "9789000000001");
        await using (var connection = await _hub.Services.GetRequiredService<Storage.HubDatabase>().OpenAsync())
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE holdings_projection SET position = position - 1 WHERE id = 1");
        var id = await _copies.PutAsync("fresh", Plain, "35100000000011", isbn: "9789023466123");
        Assert.Empty(await IndexedAsync(id)); // the lag is real in this test

        Assert.Equal(id, Assert.Single(await LendersAsync(Request(isbn: "90-234-6612-3"))).HoldingId);
        Assert.Equal([id], await IndexedAsync(id));
    }

    [Fact]
    public async Task When_a_copy_is_not_lendable_on_loan_withdrawn_or_the_requesters_own_Should_never_be_asked()
    {
        const string isbn = "9789023466123";
        var lendable = await _copies.PutAsync("ok", Plain, "35100000000021", isbn: isbn);
        await _copies.PutAsync("not-lendable", Plain2, "35100000000022", isbn: isbn, lendable: false);
        await _copies.PutAsync("on-loan", South, "35100000000023", isbn: isbn, status: HoldingStatus.OnLoan);
        await _copies.PutAsync("withdrawn", North[0], "35100000000024", isbn: isbn);
        await _copies.WithdrawAsync("withdrawn", North[0]);
        await _copies.PutAsync("own", Requester, "35100000000025", isbn: isbn);
        await _copies.PutAsync("own-branch", "NL-0854100001", "35100000000026", isbn: isbn);

        Assert.Equal(lendable, Assert.Single(await LendersAsync(Request(isbn: isbn))).HoldingId);
    }

    [Fact]
    public async Task When_a_library_opted_out_of_lending_Should_never_ask_it_even_when_a_requester_names_it()
    {
        const string isbn = "9789023466123";
        await _copies.PutAsync("opted-out", OptedOut, "35100000000031", isbn: isbn);
        var other = await _copies.PutAsync("plain", Plain, "35100000000032", isbn: isbn);

        Assert.Equal(other, Assert.Single(await LendersAsync(Request(isbn: isbn))).HoldingId);
        var named = await LendersAsync(Request(isbn: isbn, suggested: $"{OptedOut},{Plain}"));
        Assert.Equal([OptedOut, Plain], named.Select(l => l.Agency));
        Assert.NotNull(named[0].SkipReason);
        Assert.Null(named[0].HoldingId);
        Assert.Equal(other, named[1].HoldingId);
    }

    [Fact]
    public async Task When_a_copy_is_in_a_location_its_library_excludes_Should_never_choose_it()
    {
        const string isbn = "9789023466123";
        await _copies.PutAsync("reference", Excluding, "35100000000041", isbn: isbn, location: "Naslag");
        var lent = await _copies.PutAsync("youth", Excluding, "35100000000042", isbn: isbn, location: "Jeugd");
        const string onlyReference = "9789000000012";
        await _copies.PutAsync("reference-only", Excluding, "35100000000043", isbn: onlyReference, location: "naslag");

        var lender = Assert.Single(await LendersAsync(Request(isbn: isbn)));
        Assert.Equal((lent, "Jeugd"), (lender.HoldingId, lender.Location));
        Assert.Empty(await LendersAsync(Request(isbn: onlyReference)));
    }

    [Fact]
    public async Task When_a_library_prefers_a_location_Should_choose_its_copy_there_over_another_copy_of_that_library()
    {
        const string isbn = "9789023466123";
        await _copies.PutAsync("shelf", Preferring, "35100000000051", isbn: isbn, location: "Volwassenen romans");
        var stack = await _copies.PutAsync("stack", Preferring, "35100000000052", isbn: isbn, location: "Magazijn");
        await _copies.PutAsync("shelf-2", Preferring, "35100000000053", isbn: isbn, location: "Jeugd");

        var lender = Assert.Single(await LendersAsync(Request(isbn: isbn)));
        Assert.Equal((stack, "Magazijn"), (lender.HoldingId, lender.Location));
    }

    [Fact]
    public async Task When_the_borrowers_region_holds_a_copy_Should_ask_that_library_before_the_libraries_of_other_regions()
    {
        const string isbn = "9789023466123";
        for (var i = 0; i < North.Length; i++) await _copies.PutAsync($"north-{i}", North[i], $"3510000000006{i}", isbn: isbn);
        await _copies.PutAsync("south", South, "35100000000069", isbn: isbn);

        for (var n = 0; n < 8; n++)
        {
            var lenders = await LendersAsync(Request(isbn: isbn));
            Assert.Equal(4, lenders.Count);
            Assert.Equal(South, lenders[0].Agency);
        }
    }
}

public sealed class IblSourcingTests_on_Sqlite() : IblSourcingTests(TestBackend.Sqlite);

public sealed class IblSourcingTests_on_Postgres() : IblSourcingTests(TestBackend.Postgres);
