using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>A search hit: the patron's system id only (as the public docs describe the card search).</summary>
internal sealed record WisePatronIdDto([property: JsonPropertyName("patronSystemId")] string PatronSystemId);
