namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>A loan (uitlening) in memory.</summary>
internal sealed class SimLoan
{
    public required long Number { get; init; }
    public required SimMember Member { get; init; }
    public required SimCopy Copy { get; init; }
    public required string Branch { get; init; }
    public required DateTimeOffset LentAt { get; init; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public int Renewals { get; set; }
    public required string Status { get; set; }
    /// <summary>A loan to a guest account (a library's account for members of another library): the card of the member it is
    /// for, as the desk notes it on the loan; null otherwise.</summary>
    public string? GuestCardNumber { get; init; }
    public long Version { get; set; }

    public string NumberText => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
