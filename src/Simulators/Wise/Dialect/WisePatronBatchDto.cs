using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>The answer of the bulk patron-information call; ids that no longer exist are left out.</summary>
internal sealed record WisePatronBatchDto(
    [property: JsonPropertyName("patrons")] IReadOnlyList<WisePatronDto> Patrons);
