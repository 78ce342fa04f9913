using System.Text.Json;
using Lsb.Hub.Ingest;
using Lsb.Hub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Persistence.Durability;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// <c>Ingest:ApplyInline = false</c> with local queues: every page goes through the bus's durable inbox as
/// <see cref="IngestChangePage"/>, as before inline ingest, and ingest still works end to end. SQLite only: the
/// option chooses a code path, not a storage behaviour.
/// </summary>
public sealed class IngestThroughTheBusTests : IAsyncLifetime
{
    private WiseWorld? _world;

    public async ValueTask InitializeAsync()
        => _world = await WiseWorld.StartAsync(TestBackend.Sqlite, new Dictionary<string, string?> { ["Ingest:ApplyInline"] = "false" });

    public async ValueTask DisposeAsync()
    {
        if (_world is not null) await _world.DisposeAsync();
    }

    [Fact]
    public async Task When_inline_apply_is_off_Should_ingest_every_page_through_the_bus()
    {
        var world = _world!;
        var stats = world.Control.Statistics(WiseWorld.Installation);
        await world.WaitForEventsAsync(e => e.Count(x => Type(x) == "MemberRegistered") >= stats.Patrons, "the seeded patrons");
        var patron = world.Control.AddPatron(WiseWorld.Installation, world.Access.Libraries[1].LibraryId);
        var events = await world.WaitForEventsAsync(
            e => e.Any(x => Type(x) == "MemberRegistered" && x.GetProperty("sourceEventId").GetString()!.Contains($":patron:{patron.PatronSystemId}:", StringComparison.Ordinal)),
            $"MemberRegistered of Wise patron {patron.PatronSystemId}");

        Assert.Equal(stats.Patrons + 1, events.Count(e => Type(e) == "MemberRegistered"));
        // Wolverine keeps handled messages in its inbox for some minutes: every event came from a page that went through it.
        var incoming = await world.Hub.Services.GetRequiredService<IMessageStore>().Admin.AllIncomingAsync();
        var pages = incoming.Where(e => e.MessageType == typeof(IngestChangePage).FullName).Select(e => e.CorrelationId).ToHashSet(StringComparer.Ordinal);
        Assert.True(pages.Count >= 2, $"{pages.Count} pages went through the bus; the seed and the new patron make at least two");
        Assert.All(events, e => Assert.Contains(e.GetProperty("correlationId").GetString(), pages));
    }

    private static string? Type(JsonElement e) => e.GetProperty("eventType").GetString();
}
