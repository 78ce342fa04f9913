using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A branch (vestiging) of a library organisation.</summary>
internal sealed record WiseBranchDto(
    [property: JsonPropertyName("branchId")] string BranchId,
    [property: JsonPropertyName("naam")] string Name);
