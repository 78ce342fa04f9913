using System.Net.Http.Json;
using System.Text.Json;
using Lsb.Hub.Ingest;
using Lsb.Hub.Simulators.Wise;
using Lsb.Hub.Tests.Infrastructure;
using Lsb.Hub.Tests.Ingest.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Persistence.Durability;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// Inline ingest (local queues, <c>Ingest:ApplyInline</c> on): a page that cannot be applied where it was read goes on
/// the bus as <see cref="IngestChangePage"/>, whose retry policy and failed-message store take over, while the pages
/// after it are applied; the cursor moves past every page once. Faults come from <see cref="CardRefusingParticipant"/>,
/// which throws inside the page's transaction whenever a page holds one member. See docs/ingest.md, "Where a page is applied".
/// </summary>
public abstract class InlineIngestTests(TestBackend backend) : IAsyncLifetime
{
    private const string RefusedCard = "29990000777001";
    private static readonly string PollCorrelationPrefix = $"poll-{WiseWorld.Installation}-";

    private WiseWorld? _world;
    private CardRefusingParticipant _participant = null!;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    private WiseWorld World => _world ?? throw new InvalidOperationException("Start the world first.");

    // The participant decides how often the refused member's page fails; each test starts its own hub with it.
    private async Task StartAsync(int refusals)
    {
        _participant = new CardRefusingParticipant(RefusedCard, refusals);
        // Local queues also when LSB_TEST_RABBITMQ is set: with a broker every page goes on the bus and nothing is applied inline.
        _world = await WiseWorld.StartAsync(backend,
            new Dictionary<string, string?> { ["Bus:Transport"] = "Local", ["Bus:DurabilityPollingInterval"] = "00:00:00.200" },
            configure: builder => builder.Services.AddSingleton<IIngestParticipant>(_participant));
        var stats = World.Control.Statistics(WiseWorld.Installation);
        await World.WaitForEventsAsync(e => e.Count(x => Type(x) == "MemberRegistered") >= stats.Patrons, "the seeded patrons");
    }

    [Fact]
    public async Task When_a_page_fails_once_where_it_was_read_Should_go_on_the_bus_and_be_applied_exactly_once()
    {
        await StartAsync(refusals: 1);

        var refused = World.Control.AddPatron(WiseWorld.Installation, World.Access.Libraries[0].LibraryId, new PatronDraft { CardNumber = RefusedCard });
        await WaitForMemberAsync(refused);
        var later = World.Control.AddPatron(WiseWorld.Installation, World.Access.Libraries[1].LibraryId);
        var events = await WaitForMemberAsync(later);

        var registered = Assert.Single(events, e => Type(e) == "MemberRegistered" && IsOf(e, refused));
        var correlationId = registered.GetProperty("correlationId").GetString()!;
        Assert.StartsWith(PollCorrelationPrefix, correlationId, StringComparison.Ordinal);
        Assert.Equal(2, _participant.Seen);
        // Only the refused page travelled through the bus, carrying the correlation id of the poll that read it.
        var page = Assert.Single(await PagesOnTheBusAsync());
        Assert.Equal(correlationId, page.CorrelationId);
        Assert.Equal(0, (await FailedAsync()).GetProperty("total").GetInt32());
        // The page was handed on, not failed: the worker never stopped to read it again.
        Assert.Null((await CursorAsync()).LastError);
    }

    [Fact]
    public async Task When_a_page_keeps_failing_Should_end_in_the_failed_message_store_while_later_pages_are_ingested()
    {
        await StartAsync(refusals: int.MaxValue);

        var refused = World.Control.AddPatron(WiseWorld.Installation, World.Access.Libraries[0].LibraryId, new PatronDraft { CardNumber = RefusedCard });
        await EventuallyAsync(() => Task.FromResult(_participant.Seen > 0), "the page of the refused patron to be read and refused", TimeSpan.FromSeconds(60));
        var later = World.Control.AddPatron(WiseWorld.Installation, World.Access.Libraries[1].LibraryId);
        await WaitForMemberAsync(later);

        // The bus's retry schedule (BusConfiguration: 2 s, 10 s and 30 s after two quick retries) runs out in about 45 s.
        await EventuallyAsync(async () => (await FailedAsync()).GetProperty("total").GetInt32() > 0, "the refused page in the failed-message store",
            TimeSpan.FromSeconds(90));
        var failed = Assert.Single((await FailedAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(typeof(IngestChangePage).FullName, failed.GetProperty("messageType").GetString());
        Assert.Equal(typeof(InvalidOperationException).FullName, failed.GetProperty("exceptionType").GetString());
        Assert.Equal(_participant.Reason, failed.GetProperty("exceptionMessage").GetString());
        Assert.Equal(WiseWorld.Installation, failed.GetProperty("installation").GetString());
        using var admin = World.Hub.Client();
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/failed-messages/{failed.GetProperty("id").GetString()}");
        Assert.Contains(refused.PatronSystemId, detail.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await World.EventsAsync(), e => IsOf(e, refused));
    }

    [Fact]
    public async Task When_a_page_falls_back_to_the_bus_Should_move_the_cursor_past_every_change_exactly_once()
    {
        await StartAsync(refusals: 1);

        var refused = World.Control.AddPatron(WiseWorld.Installation, World.Access.Libraries[0].LibraryId, new PatronDraft { CardNumber = RefusedCard });
        await WaitForMemberAsync(refused);
        var later = World.Control.AddPatron(WiseWorld.Installation, World.Access.Libraries[2].LibraryId);
        await WaitForMemberAsync(later);

        // The later patron's page committed with its cursor, so the cursor is past everything the simulator holds.
        var stats = World.Control.Statistics(WiseWorld.Installation);
        var produced = stats.Patrons + stats.DeletedPatrons + stats.ItemMutations + stats.LoanMutations;
        Assert.Equal(produced, (await CursorAsync()).ChangesRead);
        Assert.Single(await PagesOnTheBusAsync());
    }

    private static string? Type(JsonElement e) => e.GetProperty("eventType").GetString();

    // Wise patron changes have source event ids "{library}:patron:{patronSystemId}:{ticks}".
    private static bool IsOf(JsonElement e, SimulatedPatron patron)
        => e.GetProperty("sourceEventId").GetString()!.Contains($":patron:{patron.PatronSystemId}:", StringComparison.Ordinal);

    private Task<List<JsonElement>> WaitForMemberAsync(SimulatedPatron patron)
        => World.WaitForEventsAsync(e => e.Any(x => Type(x) == "MemberRegistered" && IsOf(x, patron)), $"MemberRegistered of Wise patron {patron.PatronSystemId}");

    private async Task<IngestCursorState> CursorAsync()
        => await World.Hub.Services.GetRequiredService<IngestCursorStore>().GetAsync(WiseWorld.Installation, CancellationToken.None)
           ?? throw new InvalidOperationException($"No cursor for {WiseWorld.Installation}");

    // Wolverine keeps handled messages in its inbox for some minutes (to recognise duplicates): every page that went on
    // the bus during the test is there.
    private async Task<List<Wolverine.Envelope>> PagesOnTheBusAsync()
    {
        var incoming = await World.Hub.Services.GetRequiredService<IMessageStore>().Admin.AllIncomingAsync();
        return [.. incoming.Where(e => e.MessageType == typeof(IngestChangePage).FullName)];
    }

    private async Task<JsonElement> FailedAsync()
    {
        using var admin = World.Hub.Client();
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/failed-messages?installation={WiseWorld.Installation}&pageSize=500");
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout.TotalSeconds:F0} s waiting for {what}");
            await Task.Delay(200);
        }
    }
}

public sealed class InlineIngestTests_on_Sqlite() : InlineIngestTests(TestBackend.Sqlite);

public sealed class InlineIngestTests_on_Postgres() : InlineIngestTests(TestBackend.Postgres);
