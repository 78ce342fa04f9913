using System.Text.Json;
using Lsb.Hub.Privacy.Retention;
using Lsb.Hub.Tests.CustomerView.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Lsb.Hub.Tests.CustomerView.Support.EbookEvents;

namespace Lsb.Hub.Tests.Privacy;

/// <summary>Loan history older than 90 days is pseudonymised unless the person keeps it; the job reports and resumes.</summary>
public abstract class RetentionTests(TestBackend backend)
{
    private const string Isil = "NL-0861010000";
    private static readonly DateTimeOffset Long = DateTimeOffset.UtcNow.AddDays(-200);

    [Fact]
    public async Task When_history_is_older_than_90_days_Should_pseudonymise_it_unless_the_person_keeps_it_and_report_what_changed()
    {
        await using var hub = await CustomerHub.StartAsync(backend);
        var forget = await hub.AddMemberAsync("ils", hub.Member("f", Isil, "2999008880001"));
        var keep = await hub.AddMemberAsync("ils", hub.Member("k", Isil, "2999008880002"));
        await hub.PutConsentAsync(keep, new { keepLoanHistory = true });
        await hub.PostEventsAsync(
            Started("r-1", "L-old-f", Isil, "2999008880001", Tirza, "Tirza", Long), Ended("r-2", "L-old-f", Isil, "2999008880001", Tirza, Long.AddDays(80)),
            Started("r-3", "L-old-k", Isil, "2999008880002", Tirza, "Tirza", Long), Ended("r-4", "L-old-k", Isil, "2999008880002", Tirza, Long.AddDays(80)),
            Started("r-5", "L-new-f", Isil, "2999008880001", HetDiner, "Het diner", DateTimeOffset.UtcNow.AddDays(-30)),
            Ended("r-6", "L-new-f", Isil, "2999008880001", HetDiner, DateTimeOffset.UtcNow.AddDays(-10)));
        var oldLoan = await hub.ScalarAsync<string>("SELECT id FROM loans WHERE title = 'Tirza' AND member_id = @forget", new { forget });

        var run = await RunAsync(hub);

        Assert.Equal(("Completed", 1L, 1L, 2L), (run.GetProperty("status").GetString(), run.GetProperty("loansPseudonymised").GetInt64(),
            run.GetProperty("loansKeptByConsent").GetInt64(), run.GetProperty("logEventsRewritten").GetInt64()));
        var pseudonym = await hub.ScalarAsync<string>("SELECT member_id FROM loans WHERE id = @oldLoan", new { oldLoan });
        Assert.NotEqual(forget, pseudonym);
        Assert.StartsWith("mbr-", pseudonym, StringComparison.Ordinal);
        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT COUNT(*) FROM members WHERE id = @pseudonym", new { pseudonym }));
        var loanEvents = await hub.QueryAsync<string>("SELECT payload FROM event_log WHERE subject_id = @oldLoan", new { oldLoan });
        Assert.Equal(2, loanEvents.Count);
        Assert.All(loanEvents, p => Assert.Contains(pseudonym, p, StringComparison.Ordinal));
        Assert.All(loanEvents, p => Assert.DoesNotContain(forget, p, StringComparison.Ordinal));
        await hub.PutConsentAsync(forget, new { integralView = true });
        var history = await hub.GetJsonAsync($"/api/v1/customers/{forget}/view?requestingIsil={Isil}");
        Assert.Equal(["Het diner"], history.GetProperty("history").EnumerateArray().Select(l => l.GetProperty("title").GetString()));

        var again = await RunAsync(hub);
        Assert.Equal((0L, 0L), (again.GetProperty("loansPseudonymised").GetInt64(), again.GetProperty("loansKeptByConsent").GetInt64()));

        await hub.PutConsentAsync(keep, new { keepLoanHistory = false });
        var withdrawn = await RunAsync(hub);
        Assert.Equal(1L, withdrawn.GetProperty("loansPseudonymised").GetInt64());
        Assert.Equal(0, await hub.ScalarAsync<long>("SELECT COUNT(*) FROM loans WHERE member_id = @keep", new { keep }));

        var runs = await hub.GetJsonAsync("/api/v1/privacy/retention/runs");
        Assert.Equal(3, runs.GetArrayLength());
        Assert.Equal(withdrawn.GetProperty("id").GetString(), runs[0].GetProperty("id").GetString());
        await hub.GetJsonAsync("/api/v1/privacy/retention/runs", CustomerKeys.Noord, System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task When_the_hub_stops_in_the_middle_of_a_run_Should_resume_from_the_watermark_after_the_restart_and_decide_every_loan_once()
    {
        await using var kept = new KeptStorage(backend);
        var storage = kept.Settings(new Dictionary<string, string?> { ["Retention:ChunkSize"] = "100" });
        string member;
        await using (var first = await CustomerHub.StartAsync(backend, storage))
        {
            member = await first.AddMemberAsync("ils", first.Member("m", Isil, "2999008880003"));
            var events = Enumerable.Range(0, 250).SelectMany(i => new[]
            {
                Started($"s-{i}", $"L-{i}", Isil, "2999008880003", Tirza, "Tirza", Long.AddMinutes(i)),
                Ended($"e-{i}", $"L-{i}", Isil, "2999008880003", Tirza, Long.AddDays(30).AddMinutes(i)),
            }).ToArray();
            await first.PostEventsAsync(events);
            var runner = first.Hub.Services.GetRequiredService<RetentionRunner>();
            using var stop = new CancellationTokenSource();
            runner.ChunkCommitted += n => { if (n == 1) stop.Cancel(); };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync("test", stop.Token));
            Assert.Equal(100, await first.ScalarAsync<long>("SELECT COUNT(*) FROM loans WHERE pseudonymised_at IS NOT NULL"));
        }

        await using var second = await CustomerHub.StartAsync(backend, storage);
        var resumed = await RunAsync(second);

        Assert.Equal(150L, resumed.GetProperty("loansPseudonymised").GetInt64());
        Assert.True(resumed.TryGetProperty("resumedFrom", out _), "the run names the watermark it resumed from");
        Assert.Equal(250, await second.ScalarAsync<long>("SELECT COUNT(*) FROM loans WHERE pseudonymised_at IS NOT NULL"));
        Assert.Equal(0, await second.ScalarAsync<long>("SELECT COUNT(*) FROM loans WHERE member_id = @member", new { member }));
        Assert.Equal(500, await second.ScalarAsync<long>("SELECT COUNT(*) FROM event_log WHERE event_type IN ('LoanStarted', 'LoanEnded') AND payload NOT LIKE @m",
            new { m = $"%{member}%" }));
        var runs = await second.GetJsonAsync("/api/v1/privacy/retention/runs");
        Assert.Equal(["Completed", "Interrupted"], runs.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(100L, runs[1].GetProperty("loansPseudonymised").GetInt64());
    }

    private static async Task<JsonElement> RunAsync(CustomerHub hub)
    {
        using var client = hub.Client();
        var response = await client.PostAsync("/api/v1/privacy/retention/runs", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class RetentionTests_on_Sqlite() : RetentionTests(TestBackend.Sqlite);

[Collection(Lsb.Hub.Tests.CustomerView.Support.PostgresCustomerViewCollection.Name)]
public sealed class RetentionTests_on_Postgres() : RetentionTests(TestBackend.Postgres);
