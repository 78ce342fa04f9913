using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>
/// A JSON response written in one synchronous pass into the response's buffer, then flushed. With source-generated
/// metadata that pass takes the generator's fast path; ASP.NET's <c>TypedResults.Json</c> serialises asynchronously,
/// which walks the metadata (converter by converter) instead. The simulator stands in for a vendor's server: the cost
/// of writing its feed pages (1,000 records each) is not the hub's, yet it shares the machine with the hub in
/// bench/Hub.Bench.
/// </summary>
internal sealed class WiseJsonResult(int status, Action<Utf8JsonWriter> write) : IResult
{
    /// <summary>A value, serialised with its source-generated metadata.</summary>
    public static WiseJsonResult Of<T>(T value, JsonTypeInfo<T> type, int status)
        => new(status, writer => JsonSerializer.Serialize(writer, value, type));

    /// <summary>A page of a mutation feed, <c>{"libraryId":…,"laatsteMutatienummer":…,"mutaties":[…]}</c>, from entries the
    /// feed keeps as JSON (<see cref="State.MutationFeed{TMutation}"/>).</summary>
    public static WiseJsonResult FeedPage(string libraryId, long lastNumber, byte[][] entries) => new(StatusCodes.Status200OK, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("libraryId"u8, libraryId);
        writer.WriteNumber("laatsteMutatienummer"u8, lastNumber);
        writer.WriteStartArray("mutaties"u8);
        foreach (var entry in entries) writer.WriteRawValue(entry, skipInputValidation: true);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            write(writer);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
