using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>
/// A page of a mutation feed, <c>{"libraryId":…,"laatsteMutatienummer":…,"mutaties":[…]}</c>, written from entries the
/// feed keeps as JSON (<see cref="State.MutationFeed{TMutation}"/>).
/// </summary>
internal sealed class WiseFeedPageResult(string libraryId, long lastNumber, byte[][] entries) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("libraryId"u8, libraryId);
            writer.WriteNumber("laatsteMutatienummer"u8, lastNumber);
            writer.WriteStartArray("mutaties"u8);
            foreach (var entry in entries) writer.WriteRawValue(entry, skipInputValidation: true);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
