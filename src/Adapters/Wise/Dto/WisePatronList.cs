using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An offset/limit page of patron entries.</summary>
internal sealed record WisePatronList<TEntry>(
    [property: JsonPropertyName("totalCount")] int TotalCount,
    [property: JsonPropertyName("patrons")] IReadOnlyList<TEntry> Patrons);
