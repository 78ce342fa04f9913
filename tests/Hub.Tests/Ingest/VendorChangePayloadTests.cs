using System.Text;
using System.Text.Json;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Bus;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// A vendor record kept as the UTF-8 bytes read (<see cref="VendorChange.OfUtf8"/>) is the same change as one kept as
/// text: the same <see cref="VendorChange.Payload"/>, and on the bus (a page that could not be applied where it was read,
/// a change that failed alone) it travels as that text.
/// </summary>
public sealed class VendorChangePayloadTests
{
    private const string Record = """{"mutatienummer":7,"exemplaar":{"exemplaarId":"ex-1","titel":"Zoë en de Brontës – deel 2"}}""";
    private static readonly DateTimeOffset At = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void When_a_record_is_kept_as_utf8_Should_give_the_text_as_read()
    {
        var change = VendorChange.OfUtf8("item", "ex-1", "lib:item:7", 7, At, Encoding.UTF8.GetBytes(Record), "lib");

        Assert.Equal(Record, change.Payload);
        Assert.Equal(new VendorChange("item", "ex-1", "lib:item:7", 7, At, Record, "lib"), change);
    }

    [Fact]
    public void When_a_page_of_utf8_records_goes_on_the_bus_Should_arrive_with_each_record_as_text()
    {
        var page = new IngestChangePage("wise-1", [VendorChange.OfUtf8("item", "ex-1", "lib:item:7", 7, At, Encoding.UTF8.GetBytes(Record), "lib")]);

        var json = JsonSerializer.Serialize(page, HubMessageJsonContext.Default.IngestChangePage);
        var arrived = JsonSerializer.Deserialize(json, HubMessageJsonContext.Default.IngestChangePage)!;

        var change = Assert.Single(arrived.Changes);
        Assert.Equal(Record, change.Payload);
        Assert.True(change.Utf8Payload.IsEmpty);
        Assert.DoesNotContain("utf8", json, StringComparison.OrdinalIgnoreCase);
    }
}
