using System.Text.Json.Serialization;
using Lsb.Hub.Adapters.Wise.Reading;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>Source-generated (de)serializers: translating 200,000 changes must not pay for reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WisePatron))]
[JsonSerializable(typeof(WiseItem))]
[JsonSerializable(typeof(WiseLoan))]
[JsonSerializable(typeof(WiseItemMutation))]
[JsonSerializable(typeof(WiseLoanMutation))]
[JsonSerializable(typeof(WiseDeletedPatron))]
[JsonSerializable(typeof(WisePatronList<WiseUpdatedPatron>))]
[JsonSerializable(typeof(WisePatronList<WiseDeletedPatron>))]
[JsonSerializable(typeof(WisePatronList<WisePatronId>))]
[JsonSerializable(typeof(WiseError))]
[JsonSerializable(typeof(IReadOnlyList<WiseLibrary>))]
[JsonSerializable(typeof(WisePrepareHold))]
[JsonSerializable(typeof(WiseHold))]
[JsonSerializable(typeof(WiseCirculationRequest))]
[JsonSerializable(typeof(WisePlaceHoldRequest))]
[JsonSerializable(typeof(WiseTemporaryItemRequest))]
[JsonSerializable(typeof(WiseAuthenticationRequest))]
[JsonSerializable(typeof(WiseAuthentication))]
[JsonSerializable(typeof(WisePatronBatchRequest))]
[JsonSerializable(typeof(WiseCursor))]
internal sealed partial class WiseJsonContext : JsonSerializerContext;
