using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Ibl.Rota;

/// <summary>How lenders are chosen and ordered (<c>Ibl:Rota</c>).</summary>
public sealed class IblRotaOptions
{
    /// <summary>The ordering rules, most important first (default: same installation, same region, load balance).</summary>
    public List<RotaRule> Order { get; set; } = [RotaRule.SameInstallation, RotaRule.SameRegion, RotaRule.LoadBalance];

    /// <summary>At most this many lenders are asked.</summary>
    public int MaxLenders { get; set; } = 5;

    /// <summary>The validation errors of these settings.</summary>
    public IEnumerable<ValidationResult> Validate()
    {
        if (MaxLenders is < 1 or > 50) yield return new ValidationResult("Ibl:Rota:MaxLenders must be between 1 and 50.");
        if (Order.Distinct().Count() != Order.Count) yield return new ValidationResult("Ibl:Rota:Order names a rule twice: list each of SameInstallation, SameRegion, LoadBalance at most once.");
    }
}
