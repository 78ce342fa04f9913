using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>One entry of <c>deletedpatron</c>: a patron id, its last home branch and when it was deleted.</summary>
internal sealed record WiseDeletedPatronDto(
    [property: JsonPropertyName("patronSystemId")] string PatronSystemId,
    [property: JsonPropertyName("vestiging")] string BranchId,
    [property: JsonPropertyName("deletedAt")] DateTimeOffset DeletedAt);
