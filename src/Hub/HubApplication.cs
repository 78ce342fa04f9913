using System.ComponentModel.DataAnnotations;
using Dapper;
using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Adapters;
using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Consolidation;
using Lsb.Hub.Auth;
using Lsb.Hub.Bus;
using Lsb.Hub.CustomerView;
using Lsb.Hub.DigitalLoans;
using Lsb.Hub.EventLog;
using Lsb.Hub.FailedMessages;
using Lsb.Hub.Health;
using Lsb.Hub.Holdings;
using Lsb.Hub.HoldingsSync;
using Lsb.Hub.Ibl;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Ingest;
using Lsb.Hub.Installations;
using Lsb.Hub.Loans;
using Lsb.Hub.Members;
using Lsb.Hub.PatronServices;
using Lsb.Hub.Privacy;
using Lsb.Hub.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Formatting.Compact;

namespace Lsb.Hub;

/// <summary>
/// Builds the hub: one place that wires configuration, storage, the bus, adapters, features and the HTTP API.
/// Used by <c>serve</c>, <c>sandbox</c>, the tests and the benchmarks alike, so they all run the same hub.
/// </summary>
public static class HubApplication
{
    /// <summary>Creates the hub application. <paramref name="configure"/> may add configuration or services (tests, sandbox).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        ConfigureLogging(builder);
        var database = CreateDatabase(builder.Configuration);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaMigrationService>());
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService<SqliteCheckpointer>();

        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MappingOptions>().BindConfiguration(MappingOptions.Section);
        builder.Services.AddOptions<Dwh.DwhOptions>().BindConfiguration(Dwh.DwhOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddSingleton<IInstallationCredentials, ConfigurationCredentials>();
        builder.Services.AddSingleton<InstallationStore>();
        builder.Services.AddSingleton<InstallationHealth>();
        builder.Services.AddSingleton<AdapterRegistry>();
        builder.Services.AddSingleton<LibraryAccess>();
        builder.Services.AddSingleton<EventLogSignal>();
        builder.Services.AddSingleton<EventLogReader>();
        builder.Services.AddSingleton<CanonicalIngest>();
        builder.Services.AddSingleton<IngestCursorStore>();
        builder.Services.AddSingleton<IngestBackpressure>();
        builder.Services.AddSingleton<InlinePageApplier>();
        builder.Services.AddHostedService<IngestPoller>();
        if (database.Provider == StorageProvider.Postgres) builder.Services.AddSingleton<IInstallationLeases, PostgresLeases>();
        else builder.Services.AddSingleton<IInstallationLeases, SoloLeases>();
        builder.Services.AddSingleton<Dwh.Pseudonymizer>();
        builder.Services.AddSingleton<Dwh.DwhEventMapper>();
        builder.Services.AddHostedService<Dwh.DwhFolderPublisher>();
        builder.Services.AddHostedService<Dwh.DwhBrokerPublisher>();
        builder.Services.AddHostedService<EventLogTopicPublisher>();
        HubAdapters.AddAll(builder.Services);
        builder.Services.AddIbl();
        builder.Services.AddHoldingsIndex();
        builder.Services.AddHoldingsSync();
        builder.Services.AddPrivacy().AddCustomerView().AddDigitalLoans();
        builder.Services.AddFailedMessages();
        builder.Services.AddConsolidation();
        builder.Services.AddPatronServices();

        var bus = BusConfiguration.ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(bus);
        builder.Host.UseHubBus(builder.Configuration, database, bus);

        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => HubJson.Apply(o.SerializerOptions));
        builder.Services.AddOpenApi();

        var app = builder.Build();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseSerilogRequestLogging(o => o.GetLevel = (ctx, _, ex) =>
            ex is not null || ctx.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
            : ctx.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Information);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealth();
        app.MapInstallations();
        app.MapMembers();
        app.MapHoldings();
        app.MapHoldingsSync();
        app.MapLoans();
        app.MapEventLog();
        app.MapCustomerView();
        app.MapDigitalLoans();
        app.MapPrivacy();
        Dwh.DwhEndpoints.MapDwh(app);
        app.MapIbl();
        app.MapFailedMessages();
        app.MapMoves();
        app.MapPatronServices();
        return app;
    }

    private static HubDatabase CreateDatabase(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(storage, new ValidationContext(storage), results, validateAllProperties: true))
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), results.Select(r => r.ErrorMessage ?? "invalid"));
        return new HubDatabase(Options.Create(storage));
    }

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue("Logging:Json", false);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Wolverine", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("JasperFx", Serilog.Events.LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (json) logger.WriteTo.Console(new CompactJsonFormatter());
            else logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}");
        }, preserveStaticLogger: true); // each hub its own logger: two hubs in one process (tests) NEVER write to each other's sinks
    }
}
