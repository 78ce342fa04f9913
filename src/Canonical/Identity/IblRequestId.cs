using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>The canonical id of an interlibrary-loan request. See <see cref="ICanonicalId{TSelf}"/>.</summary>
[JsonConverter(typeof(CanonicalIdJsonConverter<IblRequestId>))]
public readonly record struct IblRequestId(Guid Value) : ICanonicalId<IblRequestId>
{
    /// <inheritdoc />
    public static string Prefix => "ibl";

    /// <inheritdoc />
    public static IblRequestId FromGuid(Guid value) => new(value);

    /// <summary>A new, time-ordered id.</summary>
    public static IblRequestId New() => CanonicalId.New<IblRequestId>();

    /// <summary>Parses <c>ibl-{32 hex}</c>.</summary>
    public static IblRequestId Parse(string? text) => CanonicalId.Parse<IblRequestId>(text);

    /// <inheritdoc />
    public override string ToString() => CanonicalId.Format(this);
}
