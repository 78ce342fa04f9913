using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>The canonical id of a member (a person's membership of one library). See <see cref="ICanonicalId{TSelf}"/>.</summary>
[JsonConverter(typeof(CanonicalIdJsonConverter<MemberId>))]
public readonly record struct MemberId(Guid Value) : ICanonicalId<MemberId>
{
    /// <inheritdoc />
    public static string Prefix => "mbr";

    /// <inheritdoc />
    public static MemberId FromGuid(Guid value) => new(value);

    /// <summary>A new, time-ordered id.</summary>
    public static MemberId New() => CanonicalId.New<MemberId>();

    /// <summary>Parses <c>mbr-{32 hex}</c>.</summary>
    public static MemberId Parse(string? text) => CanonicalId.Parse<MemberId>(text);

    /// <inheritdoc />
    public override string ToString() => CanonicalId.Format(this);
}
