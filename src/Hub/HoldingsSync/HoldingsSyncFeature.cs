using Lsb.Hub.HoldingsSync.Api;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Reconciliation;
using Lsb.Hub.HoldingsSync.Scheduling;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.HoldingsSync.Targets;
using Lsb.Hub.HoldingsSync.Targets.Ggc;
using Lsb.Hub.HoldingsSync.Targets.WorldCat;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lsb.Hub.HoldingsSync;

/// <summary>
/// Registers holdings synchronisation (docs/holdings-sync.md): options, targets, the batch cutter, delivery,
/// rejections as failed messages, reconciliation, the scheduler and the API. Its sequential <c>holdings-sync</c> queue is
/// configured with the bus (<see cref="Bus.HubWorkQueues"/>), durable on every transport.
/// </summary>
public static class HoldingsSyncFeature
{
    /// <summary>Adds the services. The clock is added with TryAdd: a test registers its own first.</summary>
    public static IServiceCollection AddHoldingsSync(this IServiceCollection services)
    {
        services.AddOptions<HoldingsSyncOptions>().BindConfiguration(HoldingsSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(new HoldingsSyncClock(TimeProvider.System));
        services.AddSingleton<CatalogueHttp>();
        services.AddSingleton<GgcClient>();
        services.AddSingleton<GgcTarget>();
        services.AddSingleton<WorldCatTokenSource>();
        services.AddSingleton<WorldCatClient>();
        services.AddSingleton<WorldCatTarget>();
        services.AddSingleton<HoldingsSyncTargets>();
        services.AddSingleton<HoldingsSyncStore>();
        services.AddSingleton<LibraryLocks>();
        services.AddSingleton<BatchCutter>();
        services.AddSingleton<HoldingsDelivery>();
        services.AddSingleton<LibraryReconciler>();
        services.AddSingleton<LibrarySyncStatusQuery>();
        services.AddSingleton<SyncAccess>();
        services.AddHostedService<HoldingsSyncScheduler>();
        return services;
    }

    /// <summary>Maps the API.</summary>
    public static IEndpointRouteBuilder MapHoldingsSync(this IEndpointRouteBuilder app) => app.MapHoldingsSyncApi();
}
