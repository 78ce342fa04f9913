namespace Lsb.Hub.Consolidation;

/// <summary>Registration of the consolidation feature (re-homing and merging libraries).</summary>
public static class ConsolidationFeature
{
    /// <summary>Adds the services; participants register <see cref="IMoveParticipant"/> themselves.</summary>
    public static IServiceCollection AddConsolidation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConsolidationOptions>().BindConfiguration(ConsolidationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MoveValidator>();
        services.AddSingleton<MoveStore>();
        services.AddSingleton<MoveSignal>();
        services.AddSingleton<LibraryRouting>();
        services.AddHostedService<MoveRunner>();
        return services;
    }
}
