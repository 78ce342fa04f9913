using System.Net;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Ibl;
using Lsb.Hub.Ibl.Outbox;
using Lsb.Hub.Ibl.Steps;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Storage;
using Lsb.Hub.Tests.HoldingsSync.Support;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Lsb.Hub.Tests.Ibl;

/// <summary>
/// Replay of a failed IBL step is idempotent end to end (issue 4, replay semantics; docs/failed-messages.md): a lender's
/// hold that could not be placed while its library system was down lands in the failed-message store, and once the
/// system is back and an administrator replays it, the request moves on exactly once — one hold at the lender, one
/// move in the history — however often the step message arrives after that.
/// </summary>
public abstract class IblStepReplayTests(TestBackend backend) : IAsyncLifetime
{
    private const string Borrower = "NL-0851010000"; // Wise
    private const string Lender = "NL-0853010000"; // Brocade, the only lender: its SIP2 server can be taken down
    private static readonly string[] StepRetryDelays = ["00:00:00.200", "00:00:00.500"];
    private static readonly string FailedStepFilter =
        $"messageType={typeof(IblStepDue).FullName}&exceptionType={Uri.EscapeDataString(typeof(IblStepRetryException).FullName!)}";
    private IblWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            // The step's retries run out in about a second instead of 43 minutes.
            ["Ibl:StepRetryDelays:0"] = StepRetryDelays[0],
            ["Ibl:StepRetryDelays:1"] = StepRetryDelays[1],
            ["Bus:DurabilityPollingInterval"] = "00:00:00.200",
            ["FailedMessages:PauseBetweenBatches"] = "00:00:00",
            ["FailedMessages:SettleCheckInterval"] = "00:00:00.100",
            // Should the failures open the Brocade adapter's circuit, it lets a call through again before the replay.
            ["Adapters:Brocade:CircuitBreakDuration"] = "00:00:00.500",
        };
        _world = await IblWorld.StartAsync(backend, settings: settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private HttpClient Admin() => _world.Client();

    [Fact]
    public async Task When_a_lender_hold_fails_until_its_retries_run_out_and_is_replayed_Should_place_one_hold_and_move_the_request_once()
    {
        var (id, barcode, failed) = await FailLenderHoldAsync();
        _world.Brocade.Control.InjectSipFault(Sip2Fault.None);

        var operation = await AdminFailedMessages.ReplayAsync(Admin, failed.MessageId);

        Assert.True(operation.GetProperty("succeeded").GetInt32() == 1 && operation.GetProperty("failedAgain").GetInt32() == 0, $"operation: {operation}");
        var sent = await _world.GetAsync(id);
        AssertMovedOnce(sent, failed.Message.StepId);
        AssertOneHoldRequestedOnce(barcode);
        Assert.Equal("Resolved", (await AdminFailedMessages.DetailAsync(Admin, failed.MessageId)).GetProperty("summary").GetProperty("status").GetString());
        Assert.Empty(await AdminFailedMessages.ListAsync(Admin, FailedStepFilter));
        var events = await EventsOfAsync(id);

        // Replayed again, alone or in a bulk operation: refused, nothing sent.
        using (var client = Admin())
        using (var again = await client.PostAsync($"/api/v1/admin/failed-messages/{failed.MessageId}/replay", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("already replayed with success", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var bulk = await AdminFailedMessages.ReplayAsync(Admin, new { ids = new[] { failed.MessageId } });
        Assert.True(bulk.GetProperty("skipped").GetInt32() == 1 && bulk.GetProperty("succeeded").GetInt32() == 0, $"bulk operation: {bulk}");

        // The same step message delivered once more after it was applied (a broker redelivery, a second hand-over) is ignored.
        await _world.Services.GetRequiredService<IMessageBus>().InvokeAsync(failed.Message);

        Assert.Equal(sent.GetRawText(), (await _world.GetAsync(id)).GetRawText());
        Assert.Equal(events, await EventsOfAsync(id));
        AssertOneHoldRequestedOnce(barcode);
    }

    [Fact]
    public async Task When_a_failed_lender_hold_reaches_the_bus_again_and_is_applied_before_its_group_is_replayed_Should_leave_one_hold_and_one_move()
    {
        var (id, barcode, failed) = await FailLenderHoldAsync();
        _world.Brocade.Control.InjectSipFault(Sip2Fault.None);

        // A node that stopped after handing the step to the bus but before forgetting its outbox row left the row behind;
        // the outbox sweep hands the step over a second time, and this copy goes through.
        await LeaveInOutboxAsync(id, failed.Message);
        var sent = await _world.WaitForStateAsync(id, "SentToSupplier");
        await _world.WaitForAsync<string>("the outbox row handed over", "SELECT 'gone' WHERE NOT EXISTS (SELECT 1 FROM ibl_outbox WHERE request_id = @id)", new { id });
        var events = await EventsOfAsync(id);

        // The administrator then replays the failed copy's group: it is handled, and changes nothing.
        var group = Assert.Single(await GroupsAsync()).GetProperty("key").GetString()!;
        var operation = await AdminFailedMessages.ReplayAsync(Admin, new { group });

        Assert.True(operation.GetProperty("succeeded").GetInt32() == 1 && operation.GetProperty("failedAgain").GetInt32() == 0, $"operation: {operation}");
        Assert.Equal(sent.GetRawText(), (await _world.GetAsync(id)).GetRawText());
        AssertMovedOnce(sent, failed.Message.StepId);
        AssertOneHoldRequestedOnce(barcode);
        Assert.Equal(events, await EventsOfAsync(id));
        Assert.Equal("Resolved", (await AdminFailedMessages.DetailAsync(Admin, failed.MessageId)).GetProperty("summary").GetProperty("status").GetString());
    }

    /// <summary>
    /// Places a request whose only lender is the Brocade library while its SIP2 server refuses every connection, and
    /// waits until the PlaceLenderHold step has used up its retries and is in the failed-message store. Answers the
    /// request, the copy and the failed message, after checking the request waits at that step with no hold placed.
    /// </summary>
    private async Task<(string Id, string Barcode, FailedStep Failed)> FailLenderHoldAsync()
    {
        var isbn = IblScenario.NewIsbn();
        var barcode = await _world.AddCopyAsync(Lender, isbn);
        var (member, _) = await _world.AddMemberAsync(Borrower);
        _world.Brocade.Control.InjectSipFault(Sip2Fault.RejectConnections);
        var id = await _world.PlaceAsync(Borrower, member, isbn);

        var letters = await Eventually.WaitAsync(async () => await AdminFailedMessages.ListAsync(Admin, FailedStepFilter) is { Count: > 0 } found ? found : null,
            $"the PlaceLenderHold step of {id} in the failed-message store");
        var letter = Assert.Single(letters);
        Assert.Equal(typeof(IblStepDue).FullName, letter.GetProperty("messageType").GetString());
        var exception = letter.GetProperty("exceptionMessage").GetString()!;
        Assert.True(exception.Contains("PlaceLenderHold", StringComparison.Ordinal) && exception.Contains(id, StringComparison.Ordinal)
            && exception.Contains(Lender, StringComparison.Ordinal), $"exception message: {exception}");
        Assert.Equal(StepRetryDelays.Length + 1, letter.GetProperty("attempts").GetInt32());

        var messageId = letter.GetProperty("id").GetGuid();
        var body = (await AdminFailedMessages.DetailAsync(Admin, messageId)).GetProperty("body").GetString()!;
        var message = JsonSerializer.Deserialize<IblStepDue>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var waiting = await _world.GetAsync(id);
        Assert.Equal("Sourcing", waiting.GetProperty("state").GetString());
        var step = Assert.Single(waiting.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "PlaceLenderHold");
        Assert.Equal((id, step.GetProperty("stepId").GetString()), (message.RequestId, message.StepId));
        Assert.Equal("Pending", step.GetProperty("status").GetString());
        Assert.DoesNotContain(_world.Brocade.Control.Holds(), h => h.Barcode == barcode);
        return (id, barcode, new FailedStep(messageId, message));
    }

    /// <summary>The request went to the lender in one move, by that step, which is done once.</summary>
    private static void AssertMovedOnce(JsonElement view, string stepId)
    {
        Assert.Equal("SentToSupplier", view.GetProperty("state").GetString());
        var moved = Assert.Single(view.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "SentToSupplier");
        Assert.Contains($"request placed at {Lender}", moved.GetProperty("what").GetString(), StringComparison.Ordinal);
        var step = Assert.Single(view.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "PlaceLenderHold");
        Assert.Equal(stepId, step.GetProperty("stepId").GetString());
        Assert.Equal("Done", step.GetProperty("status").GetString());
    }

    /// <summary>The lender's system holds the copy once, and was asked for that hold once (SIP2 has no idempotency key, so
    /// the simulator counts repeats it turned away).</summary>
    private void AssertOneHoldRequestedOnce(string barcode)
    {
        var hold = Assert.Single(_world.Brocade.Control.Holds(), h => h.Barcode == barcode);
        Assert.False(hold.Cancelled);
        Assert.Equal(1, hold.Requests);
    }

    private async Task<List<JsonElement>> GroupsAsync()
    {
        using var client = Admin();
        using var response = await client.GetAsync($"/api/v1/admin/failed-messages/groups?{FailedStepFilter}");
        Assert.True(response.IsSuccessStatusCode, $"groups: {(int)response.StatusCode}");
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone().EnumerateArray()];
    }

    private async Task<List<string>> EventsOfAsync(string id)
        => await _world.QueryAsync<string>("SELECT event_id FROM event_log WHERE subject_id = @id ORDER BY position", new { id });

    /// <summary>Puts <paramref name="message"/> in the IBL outbox as a row whose hand-over never finished.</summary>
    private async Task LeaveInOutboxAsync(string requestId, IblStepDue message)
    {
        var database = _world.Services.GetRequiredService<HubDatabase>();
        await using var connection = await database.OpenAsync();
        var claimedAt = IblClock.Format(DateTimeOffset.UtcNow.AddMinutes(-1));
        await connection.ExecuteAsync(
            "INSERT INTO ibl_outbox (id, request_id, kind, payload, created_at, claimed_at) VALUES (@id, @requestId, @kind, @payload, @claimedAt, @claimedAt)",
            new { id = Guid.NewGuid().ToString("N"), requestId, kind = nameof(IblStepDue), payload = IblOutboxJson.Write(message), claimedAt });
    }

    /// <summary>A step message in the failed-message store: its id there and its body.</summary>
    private sealed record FailedStep(Guid MessageId, IblStepDue Message);
}

public sealed class IblStepReplayTests_on_Sqlite() : IblStepReplayTests(TestBackend.Sqlite);

public sealed class IblStepReplayTests_on_Postgres() : IblStepReplayTests(TestBackend.Postgres);
