using System.Net;
using System.Text.Json;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Infrastructure;
using static Lsb.Hub.Tests.CustomerView.Support.EbookEvents;

namespace Lsb.Hub.Tests.DigitalLoans;

/// <summary>POST /api/v1/digital-loans: per-event outcomes, idempotency, waiting events, canonical loans and events.</summary>
public abstract class DigitalLoanIntakeTests(TestBackend backend) : IAsyncLifetime
{
    private const string Isil = "NL-0861010000";
    private const string Card = "2999005550001";
    private CustomerHub _hub = null!;
    private string _member = "";
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow.AddDays(-5);

    public async ValueTask InitializeAsync()
    {
        _hub = await CustomerHub.StartAsync(backend, new Dictionary<string, string?> { ["DigitalLoans:MaxBatchSize"] = "1000" });
        _member = await _hub.AddMemberAsync("test-ils", _hub.Member("p-1", Isil, Card));
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null) await _hub.DisposeAsync();
    }

    [Fact]
    public async Task When_a_loan_starts_is_renewed_and_ends_Should_be_a_digital_canonical_loan_with_its_three_events_from_the_platform()
    {
        var answer = await _hub.PostEventsAsync(
            Started("e-1", "L-1", Isil, Card, HetDiner, "Het diner", _start),
            Renewed("e-2", "L-1", Isil, Card, HetDiner, _start.AddDays(20), _start.AddDays(42)),
            Ended("e-3", "L-1", Isil, Card, HetDiner, _start.AddDays(30)));

        Assert.Equal(3, answer.GetProperty("accepted").GetInt32());
        Assert.All(answer.GetProperty("events").EnumerateArray(), e => Assert.Equal("Applied", e.GetProperty("state").GetString()));
        var loan = Assert.Single(await _hub.QueryAsync<(string Kind, string MemberId, string Isbn, string Title, long Renewals, string? EndedAt)>(
            "SELECT kind, member_id, ebook_isbn, title, renewals, ended_at FROM loans WHERE member_id = @m", new { m = _member }));
        Assert.Equal(("Digital", _member, HetDiner, "Het diner", 1L), (loan.Kind, loan.MemberId, loan.Isbn, loan.Title, loan.Renewals));
        Assert.NotNull(loan.EndedAt);
        var events = await LoggedAsync();
        Assert.Equal(["LoanStarted", "LoanRenewed", "LoanEnded"], events.Select(e => e.GetProperty("eventType").GetString()));
        Assert.All(events, e => Assert.Equal("kb-ebook-platform", e.GetProperty("sourceSystem").GetString()));
        Assert.Equal(["e-1", "e-2", "e-3"], events.Select(e => e.GetProperty("sourceEventId").GetString()));
        Assert.Equal("Digital", events[0].GetProperty("payload").GetProperty("kind").GetString());
        Assert.DoesNotContain(Card, string.Join('\n', events.Select(e => e.GetRawText())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_same_batch_is_posted_twice_Should_answer_duplicate_and_change_nothing()
    {
        object[] batch = [Started("d-1", "L-d1", Isil, Card, HetDiner, "Het diner", _start), Started("d-2", "L-d2", Isil, Card, Tirza, "Tirza", _start),
            Ended("d-3", "L-d1", Isil, Card, HetDiner, _start.AddDays(3))];
        await _hub.PostEventsAsync(batch);
        var before = await StateAsync();

        var second = await _hub.PostEventsAsync(batch);

        Assert.Equal((0, 3, 0), (second.GetProperty("accepted").GetInt32(), second.GetProperty("duplicates").GetInt32(), second.GetProperty("rejected").GetInt32()));
        Assert.All(second.GetProperty("events").EnumerateArray(), e => Assert.Equal("Duplicate", e.GetProperty("outcome").GetString()));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task When_an_event_id_comes_back_with_other_content_Should_reject_it_and_keep_the_first()
    {
        await _hub.PostEventsAsync(Started("c-1", "L-c1", Isil, Card, HetDiner, "Het diner", _start));
        var answer = await _hub.PostEventsAsync(Started("c-1", "L-c1", Isil, Card, HetDiner, "Het diner (herziene editie)", _start));
        var outcome = answer.GetProperty("events")[0];
        Assert.Equal("Rejected", outcome.GetProperty("outcome").GetString());
        Assert.Contains("other content", outcome.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Het diner", await _hub.ScalarAsync<string>("SELECT title FROM loans WHERE member_id = @m", new { m = _member }));
    }

    [Fact]
    public async Task When_a_batch_holds_malformed_events_Should_answer_each_with_its_reasons_and_store_none_of_them()
    {
        var at = _start.ToString("O");
        var answer = await _hub.PostEventsAsync(
            Started("m-good", "L-m", Isil, Card, HetDiner, "Het diner", _start),
            new { type = "started", homeIsil = Isil, cardNumber = Card, isbn = Tirza, title = "Tirza", occurredAt = at, startedAt = at },
            new { eventId = "m-isil", type = "started", homeIsil = "NL-08610", cardNumber = Card, isbn = Tirza, title = "Tirza", occurredAt = at, startedAt = at },
            new { eventId = "m-isbn", type = "started", homeIsil = Isil, cardNumber = Card, isbn = "9789029526930", title = "Tirza", occurredAt = at, startedAt = at },
            new { eventId = "m-member", type = "started", homeIsil = Isil, isbn = Tirza, title = "Tirza", occurredAt = at, startedAt = at },
            new { eventId = "m-type", type = "borrowed", homeIsil = Isil, cardNumber = Card, isbn = Tirza, occurredAt = at },
            new { eventId = "m-time", type = "ended", loanId = "L-m", homeIsil = Isil, cardNumber = Card, isbn = HetDiner, occurredAt = "2026-11-20 10:00" },
            new { eventId = "m-title", type = "started", homeIsil = Isil, cardNumber = Card, isbn = Tirza, occurredAt = at, startedAt = at },
            "not an object");

        Assert.Equal((1, 0, 8), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32(), answer.GetProperty("rejected").GetInt32()));
        var outcomes = answer.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("Accepted", outcomes[0].GetProperty("outcome").GetString());
        Assert.Equal(Enumerable.Range(0, 9), outcomes.Select(o => o.GetProperty("index").GetInt32()));
        Assert.Contains(Reasons(outcomes[1]), r => r.StartsWith("eventId is missing", StringComparison.Ordinal));
        Assert.Contains(Reasons(outcomes[2]), r => r.StartsWith("homeIsil:", StringComparison.Ordinal) && r.Contains("NL-08610", StringComparison.Ordinal));
        Assert.Contains(Reasons(outcomes[3]), r => r.Contains("check digit", StringComparison.Ordinal));
        Assert.Contains(Reasons(outcomes[4]), r => r.Contains("cardNumber", StringComparison.Ordinal) && r.Contains("nationalUserId", StringComparison.Ordinal));
        Assert.Contains(Reasons(outcomes[5]), r => r.Contains("'borrowed'", StringComparison.Ordinal));
        Assert.Contains(Reasons(outcomes[6]), r => r.StartsWith("occurredAt", StringComparison.Ordinal) && r.Contains("UTC offset", StringComparison.Ordinal));
        Assert.Contains(Reasons(outcomes[7]), r => r.StartsWith("title is missing", StringComparison.Ordinal));
        Assert.Contains(Reasons(outcomes[8]), r => r.Contains("JSON object", StringComparison.Ordinal));
        Assert.Equal(["m-good"], await _hub.QueryAsync<string>("SELECT event_id FROM digital_loan_events ORDER BY event_id"));
        Assert.Equal(1, await _hub.ScalarAsync<long>("SELECT COUNT(*) FROM loans"));
        Assert.Single(await LoggedAsync());
    }

    [Fact]
    public async Task When_an_event_names_a_member_the_hub_does_not_know_yet_Should_keep_it_and_apply_it_when_the_member_arrives()
    {
        const string newCard = "2999005550099";
        var answer = await _hub.PostEventsAsync(
            Started("w-1", "L-w", Isil, newCard, Tirza, "Tirza", _start),
            Renewed("w-2", "L-w", Isil, newCard, Tirza, _start.AddDays(20), _start.AddDays(42)));
        Assert.All(answer.GetProperty("events").EnumerateArray(), e => Assert.Equal("WaitingForMember", e.GetProperty("state").GetString()));
        Assert.Equal(0, await _hub.ScalarAsync<long>("SELECT COUNT(*) FROM loans"));
        Assert.Equal(2, await _hub.ScalarAsync<long>("SELECT COUNT(*) FROM digital_loan_events WHERE member_key IS NOT NULL"));

        // The member arrives from their ILS, registered at a branch of the same library organisation.
        var member = await _hub.AddMemberAsync("test-ils", _hub.Member("p-new", "NL-0861010003", newCard));

        var loan = Assert.Single(await _hub.QueryAsync<(string Kind, long Renewals)>("SELECT kind, renewals FROM loans WHERE member_id = @member", new { member }));
        Assert.Equal(("Digital", 1L), loan);
        Assert.Equal(["Applied", "Applied"], await _hub.QueryAsync<string>("SELECT state FROM digital_loan_events ORDER BY event_id"));
        Assert.Equal(0, await _hub.ScalarAsync<long>("SELECT COUNT(*) FROM digital_loan_events WHERE member_key IS NOT NULL OR title IS NOT NULL"));
        var events = await LoggedAsync();
        Assert.Equal(["LoanStarted", "LoanRenewed"], events.Select(e => e.GetProperty("eventType").GetString()));
        Assert.All(events, e => Assert.Equal("kb-ebook-platform", e.GetProperty("sourceSystem").GetString()));
    }

    [Fact]
    public async Task When_the_end_of_a_loan_arrives_before_its_start_Should_wait_and_apply_both_in_order()
    {
        var first = await _hub.PostEventsAsync(Ended("o-2", "L-o", Isil, Card, Tirza, _start.AddDays(7)));
        Assert.Equal("WaitingForStart", first.GetProperty("events")[0].GetProperty("state").GetString());
        Assert.Empty(await LoggedAsync());

        await _hub.PostEventsAsync(Started("o-1", "L-o", Isil, Card, Tirza, "Tirza", _start));

        Assert.Equal(["LoanStarted", "LoanEnded"], (await LoggedAsync()).Select(e => e.GetProperty("eventType").GetString()));
        Assert.NotNull(await _hub.ScalarAsync<string?>("SELECT ended_at FROM loans WHERE member_id = @m", new { m = _member }));
    }

    [Fact]
    public async Task When_an_event_names_the_member_by_national_user_id_Should_find_the_member_without_a_card_number()
    {
        var member = await _hub.AddMemberAsync("test-ils", _hub.Member("p-nuid", Isil, "2999005550077", nationalUserId: "NUID-8842-1190"));
        await _hub.PostEventsAsync(new
        {
            eventId = "n-1", type = "started", homeIsil = Isil, nationalUserId = "NUID-8842-1190", isbn = Tirza, title = "Tirza",
            occurredAt = _start.ToString("O"), startedAt = _start.ToString("O"),
        });
        Assert.Equal(1, await _hub.ScalarAsync<long>("SELECT COUNT(*) FROM loans WHERE member_id = @member AND kind = 'Digital'", new { member }));
    }

    [Fact]
    public async Task When_a_key_without_the_ebook_platform_scope_posts_Should_be_refused_and_store_nothing()
    {
        var batch = new { events = new[] { Started("a-1", "L-a", Isil, Card, Tirza, "Tirza", _start) } };
        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.PostEbookAsync(batch, HubHost.AdminKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _hub.PostEbookAsync(batch, CustomerKeys.Noord)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _hub.PostEbookAsync(batch, null)).Status);
        Assert.Equal(0, await _hub.ScalarAsync<long>("SELECT COUNT(*) FROM digital_loan_events"));
    }

    [Fact]
    public async Task When_a_batch_is_larger_than_the_maximum_Should_answer_413_and_store_nothing()
    {
        var events = Enumerable.Range(0, 1001).Select(i => Started($"big-{i}", $"L-big-{i}", Isil, Card, Tirza, "Tirza", _start)).ToArray();
        var (status, body) = await _hub.PostEbookAsync(new { events });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("at most 1000", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _hub.ScalarAsync<long>("SELECT COUNT(*) FROM digital_loan_events"));

        var (ok, answer) = await _hub.PostEbookAsync(new { events = events[..1000] });
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(1000, answer.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task When_the_body_is_not_a_batch_Should_answer_problem_json_saying_what_to_send()
    {
        var (status, body) = await _hub.PostEbookAsync(new[] { 1, 2 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("events", body.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    private static List<string> Reasons(JsonElement outcome)
    {
        Assert.Equal("Rejected", outcome.GetProperty("outcome").GetString());
        return [.. outcome.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];
    }

    private async Task<List<JsonElement>> LoggedAsync()
    {
        var page = await _hub.GetJsonAsync("/api/v1/events?after=0&limit=1000");
        return [.. page.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("sourceSystem").GetString() == "kb-ebook-platform")];
    }

    private async Task<string> StateAsync()
    {
        var loans = await _hub.QueryAsync<string>("SELECT id || ':' || source_version || ':' || content_hash || ':' || updated_at FROM loans ORDER BY id");
        var intake = await _hub.QueryAsync<string>("SELECT event_id || ':' || state || ':' || received_at FROM digital_loan_events ORDER BY event_id");
        var log = await _hub.ScalarAsync<long>("SELECT last_position FROM event_log_head");
        return string.Join('\n', loans.Concat(intake).Append(log.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public sealed class DigitalLoanIntakeTests_on_Sqlite() : DigitalLoanIntakeTests(TestBackend.Sqlite);

[Collection(Lsb.Hub.Tests.CustomerView.Support.PostgresCustomerViewCollection.Name)]
public sealed class DigitalLoanIntakeTests_on_Postgres() : DigitalLoanIntakeTests(TestBackend.Postgres);
