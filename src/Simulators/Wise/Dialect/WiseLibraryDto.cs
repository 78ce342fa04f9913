using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A library organisation and its branches, as <c>GET /library</c> lists them.</summary>
internal sealed record WiseLibraryDto(
    [property: JsonPropertyName("libraryId")] string LibraryId,
    [property: JsonPropertyName("naam")] string Name,
    [property: JsonPropertyName("vestigingen")] IReadOnlyList<WiseBranchDto> Branches);
