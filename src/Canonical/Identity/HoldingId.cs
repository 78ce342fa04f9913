using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>The canonical id of a holding (one physical copy). See <see cref="ICanonicalId{TSelf}"/>.</summary>
[JsonConverter(typeof(CanonicalIdJsonConverter<HoldingId>))]
public readonly record struct HoldingId(Guid Value) : ICanonicalId<HoldingId>
{
    /// <inheritdoc />
    public static string Prefix => "hld";

    /// <inheritdoc />
    public static HoldingId FromGuid(Guid value) => new(value);

    /// <summary>A new, time-ordered id.</summary>
    public static HoldingId New() => CanonicalId.New<HoldingId>();

    /// <summary>Parses <c>hld-{32 hex}</c>.</summary>
    public static HoldingId Parse(string? text) => CanonicalId.Parse<HoldingId>(text);

    /// <inheritdoc />
    public override string ToString() => CanonicalId.Format(this);
}
