namespace Lsb.Hub.AdapterHosting;

/// <summary>The vendor adapters this hub runs: each added through its own <c>Add{Vendor}Adapter()</c> entry point.</summary>
public static class HubAdapters
{
    /// <summary>Registers every vendor adapter.</summary>
    public static void AddAll(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddWiseAdapter();
        services.AddVSmartAdapter();
        services.AddBrocadeAdapter();
    }
}
