using Lsb.Hub.FailedMessages.Api;
using Lsb.Hub.FailedMessages.Audit;
using Lsb.Hub.FailedMessages.Comments;
using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.FailedMessages.Retention;
using Lsb.Hub.FailedMessages.Stamping;
using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.FailedMessages.Web;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.FailedMessages;

/// <summary>
/// The failed-message feature's two entry points: <see cref="AddFailedMessages"/> registers its services (stamping
/// and grouping of dead letters, replay operations, audit, retention) and <see cref="MapFailedMessages"/> its HTTP
/// API under <c>/api/v1/admin</c> (scope <c>admin</c>) and the web page.
/// </summary>
public static class FailedMessagesFeature
{
    /// <summary>Registers the feature's services.</summary>
    public static IServiceCollection AddFailedMessages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FailedMessagesOptions>().BindConfiguration(FailedMessagesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDeadLetterFingerprinter, FailedMessageFingerprinter>();
        services.AddSingleton<FailedMessageStore>();
        services.AddSingleton<FailedMessageActions>();
        services.AddSingleton<ResolvedMessages>();
        services.AddSingleton<ReplayLedger>();
        services.AddSingleton<WolverineInbox>();
        services.AddSingleton<OperationStore>();
        services.AddSingleton<ReplaySignal>();
        services.AddSingleton<ReplayBatchSender>();
        services.AddSingleton<ReplayOutcomeTracker>();
        services.AddSingleton<ReplayRequests>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<GroupComments>();
        services.AddSingleton<FailedMessageRetention>();
        services.AddHostedService<ReplayOperationRunner>();
        services.AddHostedService<RetentionJob>();
        return services;
    }

    /// <summary>Maps the admin API and the web page.</summary>
    public static IEndpointRouteBuilder MapFailedMessages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = app.MapGroup("/api/v1/admin").WithTags("Failed messages").AddEndpointFilter<AdminOnly>();
        admin.MapFailedMessageReads().MapReplays().MapArchiving().MapGroupComments().MapAudit().MapOperations();
        app.MapFailedMessagesPage();
        return app;
    }
}
