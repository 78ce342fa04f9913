using Lsb.Hub.Ibl.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Lsb.Hub.Ibl.Iso18626;
using Lsb.Hub.Ibl.Outbox;
using Lsb.Hub.Ibl.Privacy;
using Lsb.Hub.Ibl.Process;
using Lsb.Hub.Ibl.Rota;
using Lsb.Hub.Ibl.Steps;
using Lsb.Hub.Ibl.Storage;
using Lsb.Hub.Ibl.Timers;

namespace Lsb.Hub.Ibl;

/// <summary>Registers national interlibrary loan (issue 9, docs/ibl.md): the process, its API and the ISO 18626 endpoint.</summary>
public static class IblFeature
{
    /// <summary>The local queue (or the suffix of the broker queue) of the IBL messages: steps, timers, ISO 18626 sends.</summary>
    public const string Queue = "ibl";

    /// <summary>Adds the services. Every registration is by type (Wolverine builds its handlers from them).</summary>
    public static IServiceCollection AddIbl(this IServiceCollection services)
    {
        services.AddOptions<IblOptions>().BindConfiguration(IblOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IblClock>();
        services.AddSingleton<IblStore>();
        services.AddSingleton<IblStateMachine>();
        services.AddSingleton<IblScheduler>();
        services.AddSingleton<IblDispatcher>();
        services.AddSingleton<IblProcess>();
        services.AddSingleton<IblCommandBuilder>();
        services.AddSingleton<LenderSourcing>();
        services.AddSingleton<IblStepRunner>();
        services.AddSingleton<IblPseudonyms>();
        services.AddSingleton<IblAccess>();
        services.AddSingleton<Iso18626Broker>();
        services.AddSingleton<Iso18626Client>();
        services.AddSingleton<IblOutboxSweeper>();
        services.AddHostedService<IblOutboxSweeperHost>();
        return services;
    }

    /// <summary>Maps the API and the ISO 18626 endpoint.</summary>
    public static IEndpointRouteBuilder MapIbl(this IEndpointRouteBuilder app)
    {
        app.MapIblApi();
        app.MapIso18626();
        return app;
    }
}
