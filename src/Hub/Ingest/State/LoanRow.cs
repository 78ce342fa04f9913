using Lsb.Hub.Storage;

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

    /// <summary>The canonical fields and their values.</summary>
    public IEnumerable<(string Field, string? Value)> Fields()
    {
        yield return ("Kind", Kind);
        yield return ("MemberId", MemberId);
        yield return ("HoldingId", HoldingId);
        yield return ("Isil", Isil);
        yield return ("EbookIsbn", EbookIsbn);
        yield return ("Title", Title);
        yield return ("StartedAt", StartedAt);
        yield return ("DueAt", DueAt);
        yield return ("EndedAt", EndedAt);
        yield return ("Renewals", Renewals.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Sets <see cref="ContentHash"/> from <see cref="Fields"/>.</summary>
    public LoanRow WithHash()
    {
        var hash = new ContentHash();
        foreach (var (_, value) in Fields()) hash.Add(value);
        ContentHash = hash.Value;
        return this;
    }
}
