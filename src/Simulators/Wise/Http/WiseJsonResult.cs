using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>
/// A JSON response serialised in one synchronous pass into the response's buffer, then flushed. With source-generated
/// metadata that pass takes the generator's fast path; ASP.NET's <c>TypedResults.Json</c> serialises asynchronously,
/// which walks the metadata (converter by converter) instead. The simulator stands in for a vendor's server: the cost
/// of writing its feed pages (1,000 records each) is not the hub's, yet it shares the machine with the hub in
/// bench/Hub.Bench.
/// </summary>
internal sealed class WiseJsonResult<T>(T value, JsonTypeInfo<T> type, int status) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            JsonSerializer.Serialize(writer, value, type);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
