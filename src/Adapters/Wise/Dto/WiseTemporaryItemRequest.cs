using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The body of the create-temporary-item call.</summary>
internal sealed record WiseTemporaryItemRequest(
    [property: JsonPropertyName("exemplaarnummer")] string Barcode,
    [property: JsonPropertyName("titel")] string Title,
    [property: JsonPropertyName("auteur")] string? Author,
    [property: JsonPropertyName("eigenaar")] string OwnerIsil,
    [property: JsonPropertyName("vestiging")] string? BranchId,
    [property: JsonPropertyName("externalReference")] string? ExternalReference);
