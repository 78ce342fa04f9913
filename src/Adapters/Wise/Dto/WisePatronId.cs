using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A card-search hit.</summary>
internal sealed record WisePatronId([property: JsonPropertyName("patronSystemId")] string PatronSystemId);
