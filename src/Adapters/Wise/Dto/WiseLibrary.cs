using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>A library organisation as <c>GET /library</c> lists it.</summary>
internal sealed record WiseLibrary(
    [property: JsonPropertyName("libraryId")] string LibraryId,
    [property: JsonPropertyName("naam")] string? Name);
