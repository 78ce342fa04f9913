using Lsb.Hub.Privacy.Erasure;
using Lsb.Hub.Privacy.Retention;

namespace Lsb.Hub.Privacy;

/// <summary>Privacy (issue 8): keys for keyed hashes, erasure, loan-history retention.</summary>
public static class PrivacyFeature
{
    /// <summary>Registers the services. Call before the bus is added, so the keys load before any message is handled.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PrivacyKeys>();
        services.AddHostedService<PrivacyKeysLoader>();
        services.AddSingleton<StoredMessageScrubber>();
        services.AddSingleton<ErasureAudit>();
        services.AddSingleton<ErasureService>();
        services.AddSingleton<RetentionReports>();
        services.AddSingleton<RetentionRunner>();
        services.AddHostedService<RetentionJob>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        app.MapErasure();
        app.MapRetention();
        return app;
    }
}
