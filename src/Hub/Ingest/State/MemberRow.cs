using System.Data.Common;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.CustomerView;

namespace Lsb.Hub.Ingest.State;

/// <summary>A row of the <c>members</c> table.</summary>
public sealed class MemberRow
{
    public string Id { get; set; } = "";
    public string HomeIsil { get; set; } = "";
    public string? InstallationId { get; set; }
    public string? CardNumber { get; set; }
    public string? NationalUserId { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? BirthDate { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public string Category { get; set; } = "";
    public string Status { get; set; } = "";
    public string? ExpiresOn { get; set; }
    public string? RegisteredOn { get; set; }
    public bool Removed { get; set; }
    public long SourceVersion { get; set; }
    public long ContentHash { get; set; }
    public string UpdatedAt { get; set; } = "";
    /// <summary>Set when the person was erased: the row is a tombstone (no personal data) and ingest NEVER revives it.
    /// Not a canonical field, not written by ingest (the <c>erased_at</c> column is set by erasure only).</summary>
    public string? ErasedAt { get; set; }

    /// <summary>The columns of <see cref="Columns"/> a secondary index covers: <see cref="StateWriter"/> updates a held row
    /// without them when they keep their stored values.</summary>
    public static readonly string[] IndexedColumns = ["home_isil", "card_number", "national_user_id"];

    /// <summary>The columns ingest writes, in order.</summary>
    public static readonly string[] Columns =
    [
        "id", "home_isil", "installation_id", "card_number", "national_user_id", "given_name", "family_name", "birth_date",
        "street", "house_number", "postcode", "city", "email", "category", "status", "expires_on", "registered_on", "removed",
        "source_version", "content_hash", "updated_at",
    ];

    /// <summary>The columns <see cref="Read"/> reads, in order: those ingest writes, then <c>erased_at</c>.</summary>
    public static readonly string[] ReadColumns = [.. Columns, "erased_at"];

    /// <summary>Reads a row whose <see cref="Columns"/> start at <paramref name="at"/>.</summary>
    public static MemberRow Read(DbDataReader r, int at) => new()
    {
        Id = r.GetString(at),
        HomeIsil = r.GetString(at + 1),
        InstallationId = SqlCommands.Text(r, at + 2),
        CardNumber = SqlCommands.Text(r, at + 3),
        NationalUserId = SqlCommands.Text(r, at + 4),
        GivenName = SqlCommands.Text(r, at + 5),
        FamilyName = SqlCommands.Text(r, at + 6),
        BirthDate = SqlCommands.Text(r, at + 7),
        Street = SqlCommands.Text(r, at + 8),
        HouseNumber = SqlCommands.Text(r, at + 9),
        Postcode = SqlCommands.Text(r, at + 10),
        City = SqlCommands.Text(r, at + 11),
        Email = SqlCommands.Text(r, at + 12),
        Category = r.GetString(at + 13),
        Status = r.GetString(at + 14),
        ExpiresOn = SqlCommands.Text(r, at + 15),
        RegisteredOn = SqlCommands.Text(r, at + 16),
        Removed = SqlCommands.Bool(r, at + 17),
        SourceVersion = r.GetInt64(at + 18),
        ContentHash = r.GetInt64(at + 19),
        UpdatedAt = r.GetString(at + 20),
        ErasedAt = SqlCommands.Text(r, at + 21),
    };

    /// <summary>The row for a snapshot.</summary>
    public static MemberRow From(MemberSnapshot s, string id, string installationId, string updatedAt) => new MemberRow
    {
        Id = id,
        HomeIsil = s.HomeIsil.Value,
        InstallationId = installationId,
        CardNumber = s.CardNumber,
        NationalUserId = s.NationalUserId,
        GivenName = s.GivenName,
        FamilyName = s.FamilyName,
        BirthDate = s.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Street = s.Address?.Street,
        HouseNumber = s.Address?.HouseNumber,
        Postcode = s.Address?.Postcode,
        City = s.Address?.City,
        Email = s.Email,
        Category = s.Category.ToString(),
        Status = s.Status.ToString(),
        ExpiresOn = s.ExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        RegisteredOn = s.RegisteredOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        SourceVersion = s.SourceVersion,
        UpdatedAt = updatedAt,
    }.WithHash();

    /// <summary>The canonical fields, in the order they are hashed and named.</summary>
    private static readonly CanonicalFields<MemberRow> Fields = new(
    [
        ("HomeIsil", r => r.HomeIsil),
        ("CardNumber", r => r.CardNumber),
        ("NationalUserId", r => r.NationalUserId),
        ("GivenName", r => r.GivenName),
        ("FamilyName", r => r.FamilyName),
        ("BirthDate", r => r.BirthDate),
        ("Street", r => r.Street),
        ("HouseNumber", r => r.HouseNumber),
        ("Postcode", r => r.Postcode),
        ("City", r => r.City),
        ("Email", r => r.Email),
        ("Category", r => r.Category),
        ("Status", r => r.Status),
        ("ExpiresOn", r => r.ExpiresOn),
        ("RegisteredOn", r => r.RegisteredOn),
        ("Removed", r => r.Removed ? "1" : "0"),
    ]);

    /// <summary>The names of the canonical fields whose values differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static List<string> ChangedFields(MemberRow before, MemberRow after)
        => Fields.Changed(before ?? throw new ArgumentNullException(nameof(before)), after ?? throw new ArgumentNullException(nameof(after)));

    /// <summary>A copy to change: rows as read are shared (kept between pages) and never changed in place.</summary>
    public MemberRow Copy() => (MemberRow)MemberwiseClone();

    /// <summary>Sets <see cref="ContentHash"/> from the canonical fields.</summary>
    public MemberRow WithHash()
    {
        ContentHash = Fields.Hash(this);
        return this;
    }

    /// <summary>Removes every personal field (the member left the library at the source).</summary>
    public void ScrubPersonalData()
    {
        CardNumber = NationalUserId = GivenName = FamilyName = BirthDate = Street = HouseNumber = Postcode = City = Email = null;
        Removed = true;
    }
}
