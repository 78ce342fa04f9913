using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A page of a mutation feed; <see cref="LastNumber"/> is the newest mutation number of the library.</summary>
internal sealed record WiseFeedPageDto<TMutation>(
    [property: JsonPropertyName("libraryId")] string LibraryId,
    [property: JsonPropertyName("laatsteMutatienummer")] long LastNumber,
    [property: JsonPropertyName("mutaties")] IReadOnlyList<TMutation> Mutations);
