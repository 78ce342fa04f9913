using System.Text.Json.Serialization;

namespace Lsb.Hub.Simulators.Wise.Dialect;

/// <summary>Source-generated serializers for the dialect: the feeds serve pages of 1,000 records without reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WisePatronDto))]
[JsonSerializable(typeof(WiseItemDto))]
[JsonSerializable(typeof(WiseLoanDto))]
[JsonSerializable(typeof(WiseItemMutationDto))]
[JsonSerializable(typeof(WiseLoanMutationDto))]
[JsonSerializable(typeof(WisePatronListDto<WiseUpdatedPatronDto>))]
[JsonSerializable(typeof(WisePatronListDto<WiseDeletedPatronDto>))]
[JsonSerializable(typeof(WisePatronListDto<WisePatronIdDto>))]
[JsonSerializable(typeof(WiseErrorDto))]
[JsonSerializable(typeof(IReadOnlyList<WiseLibraryDto>))]
[JsonSerializable(typeof(WisePrepareHoldDto))]
[JsonSerializable(typeof(WisePlaceHoldRequestDto))]
[JsonSerializable(typeof(WiseHoldDto))]
[JsonSerializable(typeof(WiseCirculationRequestDto))]
[JsonSerializable(typeof(WiseTemporaryItemRequestDto))]
[JsonSerializable(typeof(WiseAuthenticationRequestDto))]
[JsonSerializable(typeof(WiseAuthenticationDto))]
[JsonSerializable(typeof(WisePatronBatchRequestDto))]
[JsonSerializable(typeof(WisePatronBatchDto))]
internal sealed partial class WiseSimJsonContext : JsonSerializerContext;
