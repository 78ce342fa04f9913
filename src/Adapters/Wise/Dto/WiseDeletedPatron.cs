using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>An entry of <c>deletedpatron</c> (the payload of a "deletedpatron" change).</summary>
internal sealed record WiseDeletedPatron(
    [property: JsonPropertyName("patronSystemId")] string PatronSystemId,
    [property: JsonPropertyName("vestiging")] string? BranchId,
    [property: JsonPropertyName("deletedAt")] DateTimeOffset DeletedAt);
