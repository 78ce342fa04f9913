using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>Source-generated serializers for the cursor (written after every page).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VSmartCursor))]
internal sealed partial class VSmartJsonContext : JsonSerializerContext;
