using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The mutations of a page of an item or loan mutation feed, read in one pass (WiseChangeReader).</summary>
internal sealed record WiseMutationPage<TMutation>
{
    [JsonPropertyName("mutaties")] public required IReadOnlyList<TMutation> Mutations { get; init; }
}
