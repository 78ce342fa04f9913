using System.Text.Json.Serialization;
using Lsb.Hub.Canonical.Events;

namespace Lsb.Hub.EventLog;

/// <summary>Compile-time JSON metadata for the event payloads the log writes (faster than reflection on the hot path).</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(MemberRegistered))]
[JsonSerializable(typeof(MemberUpdated))]
[JsonSerializable(typeof(MemberRemoved))]
[JsonSerializable(typeof(HoldingAdded))]
[JsonSerializable(typeof(HoldingChanged))]
[JsonSerializable(typeof(HoldingWithdrawn))]
[JsonSerializable(typeof(LoanStarted))]
[JsonSerializable(typeof(LoanRenewed))]
[JsonSerializable(typeof(LoanEnded))]
internal sealed partial class EventPayloadContext : JsonSerializerContext;
