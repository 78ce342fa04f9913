using System.Data.Common;
using Lsb.Hub.CustomerView;

namespace Lsb.Hub.Ingest.State;

/// <summary>A row of the <c>loans</c> table.</summary>
public sealed class LoanRow
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string? HoldingId { get; set; }
    public string Isil { get; set; } = "";
    public string? InstallationId { get; set; }
    public string? EbookIsbn { get; set; }
    public string? Title { get; set; }
    public string StartedAt { get; set; } = "";
    public string? DueAt { get; set; }
    public string? EndedAt { get; set; }
    public int Renewals { get; set; }
    public long SourceVersion { get; set; }
    public long ContentHash { get; set; }
    public string UpdatedAt { get; set; } = "";
    /// <summary>Set when retention pseudonymised the loan (its member is a pseudonym): ingest NEVER relinks it.
    /// Not a canonical field, not written by ingest.</summary>
    public string? PseudonymisedAt { get; set; }

    /// <summary>The columns of <see cref="Columns"/> a secondary index covers: <see cref="StateWriter"/> updates a held row
    /// without them when they keep their stored values.</summary>
    public static readonly string[] IndexedColumns = ["member_id", "holding_id", "isil", "ended_at"];

    /// <summary>The columns ingest writes, in order.</summary>
    public static readonly string[] Columns =
    [
        "id", "kind", "member_id", "holding_id", "isil", "installation_id", "ebook_isbn", "title", "started_at", "due_at",
        "ended_at", "renewals", "source_version", "content_hash", "updated_at",
    ];

    /// <summary>The columns <see cref="Read"/> reads, in order: those ingest writes, then <c>pseudonymised_at</c>.</summary>
    public static readonly string[] ReadColumns = [.. Columns, "pseudonymised_at"];

    /// <summary>Reads a row whose <see cref="Columns"/> start at <paramref name="at"/>.</summary>
    public static LoanRow Read(DbDataReader r, int at) => new()
    {
        Id = r.GetString(at),
        Kind = r.GetString(at + 1),
        MemberId = r.GetString(at + 2),
        HoldingId = SqlCommands.Text(r, at + 3),
        Isil = r.GetString(at + 4),
        InstallationId = SqlCommands.Text(r, at + 5),
        EbookIsbn = SqlCommands.Text(r, at + 6),
        Title = SqlCommands.Text(r, at + 7),
        StartedAt = r.GetString(at + 8),
        DueAt = SqlCommands.Text(r, at + 9),
        EndedAt = SqlCommands.Text(r, at + 10),
        Renewals = r.GetInt32(at + 11),
        SourceVersion = r.GetInt64(at + 12),
        ContentHash = r.GetInt64(at + 13),
        UpdatedAt = r.GetString(at + 14),
        PseudonymisedAt = SqlCommands.Text(r, at + 15),
    };

    /// <summary>The canonical fields, in the order they are hashed and named.</summary>
    private static readonly CanonicalFields<LoanRow> Fields = new(
    [
        ("Kind", r => r.Kind),
        ("MemberId", r => r.MemberId),
        ("HoldingId", r => r.HoldingId),
        ("Isil", r => r.Isil),
        ("EbookIsbn", r => r.EbookIsbn),
        ("Title", r => r.Title),
        ("StartedAt", r => r.StartedAt),
        ("DueAt", r => r.DueAt),
        ("EndedAt", r => r.EndedAt),
        ("Renewals", r => r.Renewals.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);

    /// <summary>The names of the canonical fields whose values differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static List<string> ChangedFields(LoanRow before, LoanRow after)
        => Fields.Changed(before ?? throw new ArgumentNullException(nameof(before)), after ?? throw new ArgumentNullException(nameof(after)));

    /// <summary>A copy to change: rows as read are shared (kept between pages) and never changed in place.</summary>
    public LoanRow Copy() => (LoanRow)MemberwiseClone();

    /// <summary>Sets <see cref="ContentHash"/> from the canonical fields.</summary>
    public LoanRow WithHash()
    {
        ContentHash = Fields.Hash(this);
        return this;
    }
}
