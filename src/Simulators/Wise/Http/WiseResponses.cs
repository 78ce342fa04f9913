using Lsb.Hub.Simulators.Wise.Dialect;
using Lsb.Hub.Simulators.Wise.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>Turns values and refusals into Wise-dialect responses (source-generated JSON).</summary>
internal static class WiseResponses
{
    public static IResult Error(int status, string code, string message)
        => TypedResults.Json(new WiseErrorDto(status, code, message), WiseSimJsonContext.Default.WiseErrorDto, statusCode: status);

    public static IResult Error(WiseError error) => Error(error.Status, error.Code, error.Message);

    public static IResult From<T>(WiseResult<T> result, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, int status = 200)
        => result.Error is { } error ? Error(error) : TypedResults.Json(result.Value, type, statusCode: status);

    public static JsonHttpResult<T> Ok<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => TypedResults.Json(value, type);

    public static IResult UnknownLibrary(string installation, string libraryId)
        => Error(404, "LIBRARY_NOT_FOUND", $"Wise system '{installation}' has no library '{libraryId}'.");
}
