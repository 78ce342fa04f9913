using System.Net;
using System.Text.Json;
using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.Tests.FailedMessages.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.Tests.FailedMessages;

/// <summary>Replay semantics: resolution, failing again, refusals, one outstanding replay, idempotency, throttling, poison loops.</summary>
public abstract class ReplayTests(FailedMessagesHub hub)
{
    private static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    private async Task<string> GroupOfAsync(string installation)
        => Assert.Single((await hub.GetAsync($"/api/v1/admin/failed-messages/groups?installation={installation}")).EnumerateArray()).GetProperty("key").GetString()!;

    [Fact]
    public async Task When_the_mapping_is_fixed_and_the_group_is_replayed_Should_resolve_each_message_once_in_batches_and_hide_them()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        var changes = Enumerable.Range(0, 5).Select(i => hub.Feed.AddCopy(installation, $"R-{i}", "ZR1")).ToList();
        await hub.WaitForFailedAsync(installation, 5);
        await hub.MapStatusAsync("ZR1", "Available");

        var (status, operation) = await hub.PostAsync("/api/v1/admin/failed-messages/replay", new { group = await GroupOfAsync(installation) });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var done = await hub.WaitForOperationAsync(operation.GetProperty("id").GetString()!);

        Assert.True(done.GetProperty("status").GetString() == "Completed" && done.GetProperty("succeeded").GetInt32() == 5 && done.GetProperty("failedAgain").GetInt32() == 0,
            $"operation: {done}; still failed: {await hub.FailedAsync(installation)}");
        Assert.Equal(2, done.GetProperty("batchesDone").GetInt32()); // batch size 3 in this hub: 3 + 2
        Assert.Equal(0, (await hub.FailedAsync(installation)).GetProperty("total").GetInt32());
        Assert.Equal(5, (await hub.FailedAsync(installation, "Resolved")).GetProperty("total").GetInt32());
        foreach (var change in changes) Assert.Equal(1, await hub.EventsFromAsync(change.SourceEventId));
    }

    [Fact]
    public async Task When_a_replayed_message_fails_again_Should_come_back_with_its_failure_count_increased()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        hub.Feed.AddCopy(installation, "A-1", "ZR2");
        await hub.WaitForFailedAsync(installation, 1);
        var id = Id((await hub.FailedAsync(installation)).GetProperty("items")[0]);

        var (status, operation) = await hub.PostAsync($"/api/v1/admin/failed-messages/{id}/replay");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var done = await hub.WaitForOperationAsync(operation.GetProperty("id").GetString()!);

        Assert.Equal(1, done.GetProperty("failedAgain").GetInt32());
        var detail = await hub.GetAsync($"/api/v1/admin/failed-messages/{id}");
        Assert.Equal("Failed", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("summary").GetProperty("failures").GetInt32());
        Assert.Equal(1, detail.GetProperty("summary").GetProperty("attempts").GetInt32());
        var replay = Assert.Single(detail.GetProperty("replays").EnumerateArray());
        Assert.Equal("FailedAgain", replay.GetProperty("outcome").GetString());
        Assert.Equal("test-admin", replay.GetProperty("requestedBy").GetString());
    }

    [Fact]
    public async Task When_a_resolved_message_is_replayed_again_Should_refuse_with_409()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        hub.Feed.AddCopy(installation, "B-1", "ZR3");
        await hub.WaitForFailedAsync(installation, 1);
        var id = Id((await hub.FailedAsync(installation)).GetProperty("items")[0]);
        await hub.MapStatusAsync("ZR3", "OnLoan");
        var (_, operation) = await hub.PostAsync($"/api/v1/admin/failed-messages/{id}/replay");
        await hub.WaitForOperationAsync(operation.GetProperty("id").GetString()!);

        var (again, problem) = await hub.PostAsync($"/api/v1/admin/failed-messages/{id}/replay");
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("already replayed with success", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (_, bulk) = await hub.PostAsync("/api/v1/admin/failed-messages/replay", new { ids = new[] { id } });
        var skipped = await hub.WaitForOperationAsync(bulk.GetProperty("id").GetString()!);
        Assert.Equal(1, skipped.GetProperty("skipped").GetInt32());
        Assert.Equal(0, skipped.GetProperty("succeeded").GetInt32());
        Assert.Equal("Resolved", (await hub.GetAsync($"/api/v1/admin/failed-messages/{id}")).GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task When_a_replay_is_outstanding_Should_not_send_the_message_a_second_time()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        hub.Feed.AddCopy(installation, "O-1", "ZR4");
        await hub.WaitForFailedAsync(installation, 1);
        var id = Guid.Parse(Id((await hub.FailedAsync(installation)).GetProperty("items")[0]));
        // Another node (or operation) holds an outstanding replay of this message.
        var ledger = hub.Host.Services.GetRequiredService<ReplayLedger>();
        Assert.Single(await ledger.BeginAsync([(id, 0, "{}")], "other-node-operation", "other-admin", DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));

        var (single, _) = await hub.PostAsync($"/api/v1/admin/failed-messages/{id}/replay");
        Assert.Equal(HttpStatusCode.Conflict, single);
        var (_, bulk) = await hub.PostAsync("/api/v1/admin/failed-messages/replay", new { ids = new[] { id } });
        var done = await hub.WaitForOperationAsync(bulk.GetProperty("id").GetString()!);
        Assert.Equal(1, done.GetProperty("skipped").GetInt32());
        Assert.Equal(1, done.GetProperty("skipReasons").GetProperty(SkipReason.Outstanding).GetInt32());
        Assert.Equal(1, (await hub.FailedAsync(installation)).GetProperty("items")[0].GetProperty("failures").GetInt32());
    }

    [Fact]
    public async Task When_an_already_applied_change_is_replayed_Should_not_append_a_second_event()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        var change = hub.Feed.AddCopy(installation, "I-1", "ZR5");
        await hub.WaitForFailedAsync(installation, 1);
        var id = Id((await hub.FailedAsync(installation)).GetProperty("items")[0]);
        await hub.MapStatusAsync("ZR5", "Available");
        // The same source change is read again (a re-harvest) and applied before anyone replays the failed copy.
        hub.Feed.Append(installation, change);
        await FailedMessagesHub.EventuallyAsync(async () => await hub.EventsFromAsync(change.SourceEventId) == 1, "the re-read change to be applied");

        var (_, operation) = await hub.PostAsync($"/api/v1/admin/failed-messages/{id}/replay");
        var done = await hub.WaitForOperationAsync(operation.GetProperty("id").GetString()!);

        Assert.Equal(1, done.GetProperty("succeeded").GetInt32());
        Assert.Equal(1, await hub.EventsFromAsync(change.SourceEventId));
    }

    [Fact]
    public async Task When_every_message_of_a_batch_fails_again_Should_stop_the_operation_and_leave_the_rest_unsent()
    {
        var (installation, _, _) = await hub.NewInstallationAsync();
        for (var i = 0; i < 7; i++) hub.Feed.AddCopy(installation, $"P-{i}", "ZR6");
        await hub.WaitForFailedAsync(installation, 7);

        var (_, operation) = await hub.PostAsync("/api/v1/admin/failed-messages/replay", new { filter = new { installation } });
        var done = await hub.WaitForOperationAsync(operation.GetProperty("id").GetString()!);

        Assert.Equal("Stopped", done.GetProperty("status").GetString());
        Assert.Equal(3, done.GetProperty("failedAgain").GetInt32());
        Assert.Equal(4, done.GetProperty("skipped").GetInt32());
        Assert.Contains("not fixed", done.GetProperty("note").GetString(), StringComparison.Ordinal);
        var failures = (await hub.FailedAsync(installation)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("failures").GetInt32()).Order().ToList();
        Assert.Equal([1, 1, 1, 1, 2, 2, 2], failures);
    }

    [Fact]
    public async Task When_a_replay_names_nothing_or_too_much_Should_answer_problem_json()
    {
        var (none, _) = await hub.PostAsync("/api/v1/admin/failed-messages/replay", new { });
        Assert.Equal(HttpStatusCode.BadRequest, none);
        var (both, _) = await hub.PostAsync("/api/v1/admin/failed-messages/replay", new { group = "g", ids = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, both);
        var (empty, _) = await hub.PostAsync("/api/v1/admin/failed-messages/replay", new { group = "no-such-group" });
        Assert.Equal(HttpStatusCode.NotFound, empty);
        var (unknown, _) = await hub.PostAsync($"/api/v1/admin/failed-messages/{Guid.NewGuid()}/replay");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        using var admin = hub.Host.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/admin/operations/nope", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class ReplayTests_on_Sqlite(SqliteFailedMessagesHub hub) : ReplayTests(hub), IClassFixture<SqliteFailedMessagesHub>;

public sealed class ReplayTests_on_Postgres(PostgresFailedMessagesHub hub) : ReplayTests(hub), IClassFixture<PostgresFailedMessagesHub>;
