using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Storage;

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

    /// <summary>The canonical fields and their values.</summary>
    public IEnumerable<(string Field, string? Value)> Fields()
    {
        yield return ("Isil", Isil);
        yield return ("Barcode", Barcode);
        yield return ("Isbn", Isbn);
        yield return ("Ppn", Ppn);
        yield return ("OclcNumber", OclcNumber);
        yield return ("LocalRecordId", LocalRecordId);
        yield return ("Title", Title);
        yield return ("Author", Author);
        yield return ("MaterialType", MaterialType);
        yield return ("Location", Location);
        yield return ("Shelfmark", Shelfmark);
        yield return ("Status", Status);
        yield return ("RawStatus", RawStatus);
        yield return ("LendableForIbl", IblLendable ? "1" : "0");
        yield return ("Withdrawn", Withdrawn ? "1" : "0");
    }

    /// <summary>Sets <see cref="ContentHash"/> from <see cref="Fields"/>.</summary>
    public HoldingRow WithHash()
    {
        var hash = new ContentHash();
        foreach (var (_, value) in Fields()) hash.Add(value);
        ContentHash = hash.Value;
        return this;
    }
}
