using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Brocade.Reading;

/// <summary>Compile-time JSON metadata for the cursor and the change payloads.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BrocadeCursor))]
[JsonSerializable(typeof(ChangePayload))]
internal sealed partial class BrocadeJsonContext : JsonSerializerContext;
