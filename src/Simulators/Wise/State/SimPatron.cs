using System.Globalization;
using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>A patron in the simulated Wise system (mutable, guarded by the installation's lock).</summary>
internal sealed class SimPatron
{
    public required long Id { get; init; }
    public required string LibraryId { get; init; }
    public required string CardNumber { get; init; }
    public required string BranchId { get; set; }
    public required string Pin { get; set; }
    public required string GivenName { get; set; }
    public string? NamePrefix { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string Gender { get; set; } = "X";
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? HouseNumberSuffix { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public required string Category { get; set; }
    public required string Status { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public decimal Fines { get; set; }
    public long LastModifiedTicks { get; set; }
    public int OpenLoans { get; set; }

    public string IdText => Id.ToString(CultureInfo.InvariantCulture);

    public WisePatronDto ToDto() => new()
    {
        PatronSystemId = IdText,
        LibraryId = LibraryId,
        CardNumber = CardNumber,
        GivenName = GivenName,
        Initials = GivenName.Length > 0 ? GivenName[..1] + "." : null,
        NamePrefix = NamePrefix,
        FamilyName = FamilyName,
        BirthDate = BirthDate,
        Gender = Gender,
        Street = Street,
        HouseNumber = HouseNumber,
        HouseNumberSuffix = HouseNumberSuffix,
        Postcode = Postcode,
        City = City,
        Email = Email,
        Phone = Phone,
        Category = Category,
        Status = Status,
        BranchId = BranchId,
        RegisteredOn = RegisteredOn,
        ExpiresOn = ExpiresOn,
        Fines = Fines,
        LastModified = new DateTimeOffset(LastModifiedTicks, TimeSpan.Zero),
    };
}
