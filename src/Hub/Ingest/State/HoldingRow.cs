using System.Data.Common;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.CustomerView;

namespace Lsb.Hub.Ingest.State;

/// <summary>A row of the <c>holdings</c> table.</summary>
public sealed class HoldingRow
{
    public string Id { get; set; } = "";
    public string Isil { get; set; } = "";
    public string? InstallationId { get; set; }
    public string? Barcode { get; set; }
    public string? Isbn { get; set; }
    public string? Ppn { get; set; }
    public string? OclcNumber { get; set; }
    public string? LocalRecordId { get; set; }
    public string Title { get; set; } = "";
    public string? Author { get; set; }
    public string MaterialType { get; set; } = "";
    public string? Location { get; set; }
    public string? Shelfmark { get; set; }
    public string Status { get; set; } = "";
    public string? RawStatus { get; set; }
    public bool IblLendable { get; set; }
    public bool Withdrawn { get; set; }
    public long SourceVersion { get; set; }
    public long ContentHash { get; set; }
    public string UpdatedAt { get; set; } = "";

    /// <summary>The columns of <see cref="Columns"/> a secondary index covers: <see cref="StateWriter"/> updates a held row
    /// without them when they keep their stored values.</summary>
    public static readonly string[] IndexedColumns = ["isil", "barcode"];

    /// <summary>The columns ingest writes and <see cref="Read"/> reads, in order.</summary>
    public static readonly string[] Columns =
    [
        "id", "isil", "installation_id", "barcode", "isbn", "ppn", "oclc_number", "local_record_id", "title", "author",
        "material_type", "location", "shelfmark", "status", "raw_status", "ibl_lendable", "withdrawn", "source_version",
        "content_hash", "updated_at",
    ];

    /// <summary>Reads a row whose <see cref="Columns"/> start at <paramref name="at"/>.</summary>
    public static HoldingRow Read(DbDataReader r, int at) => new()
    {
        Id = r.GetString(at),
        Isil = r.GetString(at + 1),
        InstallationId = SqlCommands.Text(r, at + 2),
        Barcode = SqlCommands.Text(r, at + 3),
        Isbn = SqlCommands.Text(r, at + 4),
        Ppn = SqlCommands.Text(r, at + 5),
        OclcNumber = SqlCommands.Text(r, at + 6),
        LocalRecordId = SqlCommands.Text(r, at + 7),
        Title = r.GetString(at + 8),
        Author = SqlCommands.Text(r, at + 9),
        MaterialType = r.GetString(at + 10),
        Location = SqlCommands.Text(r, at + 11),
        Shelfmark = SqlCommands.Text(r, at + 12),
        Status = r.GetString(at + 13),
        RawStatus = SqlCommands.Text(r, at + 14),
        IblLendable = SqlCommands.Bool(r, at + 15),
        Withdrawn = SqlCommands.Bool(r, at + 16),
        SourceVersion = r.GetInt64(at + 17),
        ContentHash = r.GetInt64(at + 18),
        UpdatedAt = r.GetString(at + 19),
    };

    /// <summary>The row for a snapshot.</summary>
    public static HoldingRow From(HoldingSnapshot s, string id, string installationId, string updatedAt) => new HoldingRow
    {
        Id = id,
        Isil = s.Isil.Value,
        InstallationId = installationId,
        Barcode = s.Barcode,
        Isbn = s.Bibliographic.Isbn,
        Ppn = s.Bibliographic.Ppn,
        OclcNumber = s.Bibliographic.OclcNumber,
        LocalRecordId = s.Bibliographic.LocalRecordId,
        Title = s.Title,
        Author = s.Author,
        MaterialType = s.MaterialType.ToString(),
        Location = s.Location,
        Shelfmark = s.Shelfmark,
        Status = s.Status.ToString(),
        RawStatus = s.RawStatus,
        IblLendable = s.LendableForIbl,
        Withdrawn = s.Status == Canonical.Holdings.HoldingStatus.Withdrawn,
        SourceVersion = s.SourceVersion,
        UpdatedAt = updatedAt,
    }.WithHash();

    /// <summary>The canonical fields, in the order they are hashed and named.</summary>
    private static readonly CanonicalFields<HoldingRow> Fields = new(
    [
        ("Isil", r => r.Isil),
        ("Barcode", r => r.Barcode),
        ("Isbn", r => r.Isbn),
        ("Ppn", r => r.Ppn),
        ("OclcNumber", r => r.OclcNumber),
        ("LocalRecordId", r => r.LocalRecordId),
        ("Title", r => r.Title),
        ("Author", r => r.Author),
        ("MaterialType", r => r.MaterialType),
        ("Location", r => r.Location),
        ("Shelfmark", r => r.Shelfmark),
        ("Status", r => r.Status),
        ("RawStatus", r => r.RawStatus),
        ("LendableForIbl", r => r.IblLendable ? "1" : "0"),
        ("Withdrawn", r => r.Withdrawn ? "1" : "0"),
    ]);

    /// <summary>The names of the canonical fields whose values differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static List<string> ChangedFields(HoldingRow before, HoldingRow after)
        => Fields.Changed(before ?? throw new ArgumentNullException(nameof(before)), after ?? throw new ArgumentNullException(nameof(after)));

    /// <summary>A copy to change: rows as read are shared (kept between pages) and never changed in place.</summary>
    public HoldingRow Copy() => (HoldingRow)MemberwiseClone();

    /// <summary>Sets <see cref="ContentHash"/> from the canonical fields.</summary>
    public HoldingRow WithHash()
    {
        ContentHash = Fields.Hash(this);
        return this;
    }
}
