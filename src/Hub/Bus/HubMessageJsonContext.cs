using System.Text.Json.Serialization;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.Bus;

/// <summary>Compile-time JSON metadata for the hub's high-volume bus messages (ingest pages carry up to 5,000 changes).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestChangePage))]
[JsonSerializable(typeof(IngestChange))]
internal sealed partial class HubMessageJsonContext : JsonSerializerContext;
