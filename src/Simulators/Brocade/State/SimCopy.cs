namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>A copy (exemplaar) in memory.</summary>
internal sealed class SimCopy
{
    public required long Number { get; init; }
    public required string Barcode { get; init; }
    public required SimTitle Title { get; init; }
    public required string Library { get; init; }
    public required string Branch { get; set; }
    public required string Status { get; set; }
    public bool LendableForIbl { get; set; }
    public long? OpenLoan { get; set; }
    public bool Withdrawn { get; set; }
    public DateTimeOffset LastModified { get; set; }
    public long Version { get; set; }

    /// <summary>The mutation number of its creation.</summary>
    public long Created { get; set; }

    public string NumberText => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
