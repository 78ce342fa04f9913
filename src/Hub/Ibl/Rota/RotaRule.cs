namespace Lsb.Hub.Ibl.Rota;

/// <summary>A rule of the rota order (<c>Ibl:Rota:Order</c>).</summary>
public enum RotaRule
{
    /// <summary>Lenders on the borrowing library's own installation first (cheapest: one system, one courier).</summary>
    SameInstallation,
    /// <summary>Then lenders of the same region (<see cref="IblLibraryOptions.Region"/>, default the installation's POI).</summary>
    SameRegion,
    /// <summary>Then the lenders with the fewest requests in hand.</summary>
    LoadBalance,
}
