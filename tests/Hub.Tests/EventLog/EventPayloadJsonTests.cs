using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.EventLog;

namespace Lsb.Hub.Tests.EventLog;

public sealed class EventPayloadJsonTests
{
    [Fact]
    public void When_an_event_is_written_to_the_log_Should_leave_out_the_common_fields_and_read_back_equal()
    {
        var e = new HoldingAdded
        {
            EventId = Guid.CreateVersion7(),
            Source = new EventSource("sandbox-wise", "5101:item:7"),
            OccurredAt = new DateTimeOffset(2026, 11, 29, 7, 0, 0, TimeSpan.Zero),
            HoldingId = HoldingId.New(),
            OwnerIsil = Isil.Parse("NL-0851010000"),
            Details = new HoldingDetails("3010001", new BibliographicIds("9789023466123", "123456789", null, "T1"), "De avonden", "Reve, Gerard",
                MaterialType.Book, "Romans", "REVE", HoldingStatus.Available, "BES", true),
        };
        var payload = System.Text.Encoding.UTF8.GetString(EventPayloadJson.WriteUtf8(e));
        Assert.DoesNotContain("eventId", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox-wise", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("occurredAt", payload, StringComparison.Ordinal);
        Assert.Contains("\"materialType\":\"Book\"", payload, StringComparison.Ordinal);
        Assert.Contains("\"ownerIsil\":\"NL-0851010000\"", payload, StringComparison.Ordinal);

        var back = EventPayloadJson.Read(nameof(HoldingAdded), payload, e.EventId, e.Source, e.OccurredAt, e.SchemaVersion);
        var added = Assert.IsType<HoldingAdded>(back);
        Assert.Equal(e with { Details = e.Details }, added with { Details = e.Details });
        Assert.Equal(e.Details.Bibliographic, added.Details.Bibliographic);
        Assert.Equal(e.Details.Title, added.Details.Title);
    }
}
