namespace Lsb.Hub.Adapters.VSmart.Mapping;

/// <summary>What a copy's lending policy (876 $h) means to the hub (<c>mappings/vsmart/lending-policy.csv</c>).</summary>
public enum VSmartLendingPolicy
{
    /// <summary>Lent through interlibrary loan too.</summary>
    Ibl,
    /// <summary>Lent to the library's own members only.</summary>
    LocalOnly,
}
