using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>The canonical id of a person, linking memberships across libraries and installations. See <see cref="ICanonicalId{TSelf}"/>.</summary>
[JsonConverter(typeof(CanonicalIdJsonConverter<PersonId>))]
public readonly record struct PersonId(Guid Value) : ICanonicalId<PersonId>
{
    /// <inheritdoc />
    public static string Prefix => "psn";

    /// <inheritdoc />
    public static PersonId FromGuid(Guid value) => new(value);

    /// <summary>A new, time-ordered id.</summary>
    public static PersonId New() => CanonicalId.New<PersonId>();

    /// <summary>Parses <c>psn-{32 hex}</c>.</summary>
    public static PersonId Parse(string? text) => CanonicalId.Parse<PersonId>(text);

    /// <inheritdoc />
    public override string ToString() => CanonicalId.Format(this);
}
