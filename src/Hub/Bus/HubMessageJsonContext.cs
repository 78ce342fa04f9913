using System.Text.Json.Serialization;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Rejections;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.Bus;

/// <summary>Compile-time JSON metadata for the hub's bus messages (ingest pages carry up to 5,000 changes; holdings sync).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestChangePage))]
[JsonSerializable(typeof(IngestChange))]
[JsonSerializable(typeof(DeliverHoldingsBatch))]
[JsonSerializable(typeof(HoldingRecordRejected))]
internal sealed partial class HubMessageJsonContext : JsonSerializerContext;
