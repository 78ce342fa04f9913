using System.Text.Json.Serialization;

namespace Lsb.Hub.Canonical.Identity;

/// <summary>The canonical id of a loan (physical or digital). See <see cref="ICanonicalId{TSelf}"/>.</summary>
[JsonConverter(typeof(CanonicalIdJsonConverter<LoanId>))]
public readonly record struct LoanId(Guid Value) : ICanonicalId<LoanId>
{
    /// <inheritdoc />
    public static string Prefix => "lon";

    /// <inheritdoc />
    public static LoanId FromGuid(Guid value) => new(value);

    /// <summary>A new, time-ordered id.</summary>
    public static LoanId New() => CanonicalId.New<LoanId>();

    /// <summary>Parses <c>lon-{32 hex}</c>.</summary>
    public static LoanId Parse(string? text) => CanonicalId.Parse<LoanId>(text);

    /// <inheritdoc />
    public override string ToString() => CanonicalId.Format(this);
}
