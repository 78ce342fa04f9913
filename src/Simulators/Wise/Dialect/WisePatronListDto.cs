using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>An offset/limit page of patron entries (delta endpoints and the card search).</summary>
internal sealed record WisePatronListDto<TEntry>(
    [property: JsonPropertyName("totalCount")] int TotalCount,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("patrons")] IReadOnlyList<TEntry> Patrons);
