using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The body of the bulk patron-information call.</summary>
internal sealed record WisePatronBatchRequest([property: JsonPropertyName("patronSystemIds")] IReadOnlyList<string> PatronSystemIds);
