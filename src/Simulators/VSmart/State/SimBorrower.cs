using System.Globalization;

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A borrower (lener).</summary>
internal sealed class SimBorrower
{
    public required long Id { get; init; }
    public string IdText => Id.ToString(CultureInfo.InvariantCulture);
    public required string LibraryId { get; init; }
    public required string BranchCode { get; set; }
    public required string CardNumber { get; init; }
    public required string Pin { get; set; }
    public required string GivenName { get; init; }
    public string? NamePrefix { get; init; }
    public required string FamilyName { get; set; }
    public required DateOnly BirthDate { get; init; }
    public required string Gender { get; init; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public required string Category { get; set; }
    public required string Status { get; set; }
    public required DateOnly RegisteredOn { get; init; }
    public required DateOnly ValidUntil { get; init; }
    public decimal Fines { get; set; }
    public bool? ConsentIntegralView { get; set; }
    public int OpenLoans { get; set; }

    /// <summary>The date of the borrower's last loan (laatste uitleendatum): V-smart writes it into the borrower record
    /// at the first loan of a day, which is a change of that record.</summary>
    public DateOnly? LastLoanDate { get; set; }

    public string FullName => string.Join(' ', new[] { GivenName, NamePrefix, FamilyName }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>The borrower as the web service shows it at this moment (feed entries keep such snapshots).</summary>
    public BorrowerRecord Snapshot() => new(IdText, LibraryId, BranchCode, CardNumber, GivenName, NamePrefix, FamilyName, BirthDate, Gender,
        Street, HouseNumber, Postcode, City, Email, Category, Status, RegisteredOn, ValidUntil, Fines, ConsentIntegralView, LastLoanDate);
}
