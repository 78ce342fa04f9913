using Lsb.Hub.Simulators.Wise.Dialect;
using Lsb.Hub.Simulators.Wise.State;
using Microsoft.AspNetCore.Http;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>Turns values and refusals into Wise-dialect responses (source-generated JSON, written by <see cref="WiseJsonResult"/>).</summary>
internal static class WiseResponses
{
    public static IResult Error(int status, string code, string message)
        => WiseJsonResult.Of(new WiseErrorDto(status, code, message), WiseSimJsonContext.Default.WiseErrorDto, status);

    public static IResult Error(WiseError error) => Error(error.Status, error.Code, error.Message);

    public static IResult From<T>(WiseResult<T> result, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, int status = 200)
        => result.Error is { } error ? Error(error) : WiseJsonResult.Of(result.Value!, type, status);

    public static IResult Ok<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => WiseJsonResult.Of(value, type, 200);

    public static IResult UnknownLibrary(string installation, string libraryId)
        => Error(404, "LIBRARY_NOT_FOUND", $"Wise system '{installation}' has no library '{libraryId}'.");
}
