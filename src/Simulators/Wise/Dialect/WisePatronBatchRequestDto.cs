using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>The body of the bulk patron-information call: up to 1,000 patron ids.</summary>
internal sealed record WisePatronBatchRequestDto(
    [property: JsonPropertyName("patronSystemIds")] IReadOnlyList<string> PatronSystemIds);
