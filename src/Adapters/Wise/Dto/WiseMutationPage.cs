using System.Text.Json.Serialization;

namespace Lsb.Hub.Adapters.Wise.Dto;

/// <summary>The mutations of a page of an item or loan mutation feed, read in one pass (WiseChangeReader).</summary>
/// <remarks>The feed DTOs (this page, its mutations, <see cref="WiseItem"/>, <see cref="WiseLoan"/>, <see cref="WiseForeignItem"/>,
/// <see cref="WisePatron"/>) have settable properties and mark required fields with <c>[JsonRequired]</c>, not with C#'s
/// <c>init</c> or <c>required</c>: System.Text.Json's source generator sets those through its constructor path, which
/// first collects every value of a record in an argument buffer (a tenth of the adapter's reading time on a feed page,
/// docs/performance.md). A missing required field still fails the record.</remarks>
internal sealed record WiseMutationPage<TMutation>
{
    [JsonPropertyName("mutaties"), JsonRequired] public IReadOnlyList<TMutation> Mutations { get; set; } = null!;
}
