namespace Lsb.Hub.Holdings;

/// <summary>Registers the union holdings index: its projection from the event log and its lookup.</summary>
public static class HoldingsIndexFeature
{
    /// <summary>Adds the index's services.</summary>
    public static IServiceCollection AddHoldingsIndex(this IServiceCollection services)
    {
        services.AddSingleton<HoldingsProjection>();
        services.AddSingleton<Ingest.IIngestLogFollower>(sp => sp.GetRequiredService<HoldingsProjection>());
        services.AddSingleton<HoldingSearch>();
        services.AddHostedService<HoldingsProjectionService>();
        return services;
    }
}
