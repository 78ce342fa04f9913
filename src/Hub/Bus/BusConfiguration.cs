using System.ComponentModel.DataAnnotations;
using JasperFx;
using Lsb.Hub.Adapters;
using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Ibl;
using Lsb.Hub.Ibl.Steps;
using Lsb.Hub.Ingest;
using Lsb.Hub.PatronServices.Returns;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Postgresql;
using Wolverine.Sqlite;

namespace Lsb.Hub.Bus;

/// <summary>
/// The bus: Wolverine with its message store in the hub's database (SQLite file or PostgreSQL schema). Embedded
/// default: durable local queues, one node (Solo). Scale-out: RabbitMQ queues consumed by every node (competing
/// consumers) with the durable inbox and outbox in PostgreSQL. Azure Service Bus (production on Azure): the same, with
/// ingest in one queue per installation (<c>{prefix}-ingest-{installation}</c>) so a slow installation never holds up
/// another, and the topic <c>{prefix}-events</c> with a subscription per consumer. Every message the hub sends to
/// itself goes to one of <see cref="HubWorkQueues"/>, durable on every transport. On every backend failed messages end
/// in Wolverine's dead-letter table in the hub's database (not the broker's own dead-letter queue; what Azure
/// dead-letters by itself is drained into it), so they are listed and replayed the same way everywhere. The retry
/// policy is defined here, once, for every handler: a few immediate retries, then scheduled retries with growing
/// delays, then the failed-message store. Errors that retrying cannot fix (an unmapped vendor code, an unreadable
/// vendor answer, an unknown installation) go to the store at once.
/// </summary>
public static partial class BusConfiguration
{
    /// <summary>The local queue (or the suffix of the broker queue) for ingest.</summary>
    public const string IngestQueue = "ingest";

    /// <summary>Azure Service Bus: the suffix of the events topic.</summary>
    public const string EventsTopic = "events";

    /// <summary>Azure Service Bus: the topic's subscriptions, one per consumer, with the SQL filter of each (the message
    /// type is the Subject, <c>sys.Label</c>). <c>dwh</c> takes the pseudonymised DWH batches; <c>holdings-sync</c> takes
    /// the notifications that the event log grew, which wake the holdings projection (the union holdings index and the
    /// holdings-sync journal). <c>customer-view</c> and <c>ibl</c> take nothing (<c>1 = 0</c>): the customer view is
    /// written inside the ingest transaction and IBL reads the holdings index, so neither follows the log; a consumer
    /// that starts following it gives its subscription the notification's filter (docs/azure.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> EventSubscriptions = new Dictionary<string, string>
    {
        ["dwh"] = $"sys.Label = '{typeof(Dwh.DwhEventBatch).FullName}'",
        [HoldingsSyncSubscription] = $"sys.Label = '{typeof(EventLog.CanonicalEventsAppended).FullName}'",
        ["customer-view"] = NothingYet,
        ["ibl"] = NothingYet,
    };

    /// <summary>Azure Service Bus: the subscription of the events topic the hub listens to for log notifications.</summary>
    public const string HoldingsSyncSubscription = "holdings-sync";

    private const string NothingYet = "1 = 0";

    /// <summary>Reads and validates the <c>Bus</c> section.</summary>
    public static BusOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new OptionsValidationException(BusOptions.Section, typeof(BusOptions), results.Select(r => r.ErrorMessage ?? "invalid"));
        return options;
    }

    /// <summary>Adds Wolverine to the host.</summary>
    public static IHostBuilder UseHubBus(this IHostBuilder host, IConfiguration configuration, HubDatabase database, BusOptions bus)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(bus);
        if (bus.Transport != BusTransport.Local && database.Provider != StorageProvider.Postgres)
            throw new OptionsValidationException(BusOptions.Section, typeof(BusOptions),
                [$"Bus:Transport {bus.Transport} runs several nodes that share one message store: set Storage:Provider to Postgres."]);
        return host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(BusConfiguration).Assembly;
            opts.ServiceName = "lsb-hub";
            if (database.Provider == StorageProvider.Sqlite)
            {
                opts.PersistMessagesWithSqlite(database.MessageStoreConnectionString);
                opts.Durability.Mode = DurabilityMode.Solo;
            }
            else
            {
                opts.PersistMessagesWithPostgresql(database.MessageStoreConnectionString, database.Options.BusSchema);
                opts.Durability.Mode = configuration.GetValue("Bus:Solo", false) ? DurabilityMode.Solo : DurabilityMode.Balanced;
                opts.Durability.StaleNodeTimeout = bus.StaleNodeTimeout;
                opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(Math.Max(1, bus.StaleNodeTimeout.TotalSeconds / 4));
                opts.Durability.NodeReassignmentPollingTime = TimeSpan.FromSeconds(Math.Max(1, bus.StaleNodeTimeout.TotalSeconds / 4));
            }
            opts.AutoBuildMessageStorageOnStartup = AutoCreate.CreateOrUpdate;
            // How often the durability agent runs: it also moves messages marked for replay out of the failed-message
            // store back into the inbox, so this bounds how soon a replay starts (FailedMessages/ReplayOperationRunner).
            var durabilityPolling = configuration.GetValue("Bus:DurabilityPollingInterval", TimeSpan.FromSeconds(1));
            opts.Durability.ScheduledJobPollingTime = durabilityPolling;
            opts.Durability.ScheduledJobFirstExecution = durabilityPolling;
            opts.UseSystemTextJsonForSerialization(json =>
            {
                // Compile-time metadata for the high-volume ingest messages; reflection for everything else.
                json.TypeInfoResolverChain.Insert(0, HubMessageJsonContext.Default);
                json.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
            });
            opts.UseRuntimeCompilation();

            var parallelism = Math.Max(1, configuration.GetValue("Ingest:Parallelism", database.Provider == StorageProvider.Sqlite ? 1 : 4));
            // IBL handlers mostly wait on library systems, so several run at once per node.
            var iblParallelism = Math.Max(1, configuration.GetValue("Ibl:Parallelism", 8));
            switch (bus.Transport)
            {
                case BusTransport.RabbitMq:
                    UseRabbitMqQueues(opts, bus, parallelism, iblParallelism);
                    break;
                case BusTransport.AzureServiceBus:
                    UseAzureServiceBusEntities(opts, bus, parallelism, iblParallelism);
                    break;
                default:
                    UseDurableLocalQueues(opts, parallelism, iblParallelism);
                    break;
            }

            // An IBL step whose library system was unreachable (or whose answer was lost) is tried again for longer than
            // ingest, with the same idempotency key, before it lands in the failed-message store. The schedule is
            // Ibl:StepRetryDelays (validated with IblOptions at start-up).
            var stepRetries = (configuration.GetSection(IblOptions.Section).Get<IblOptions>() ?? new IblOptions()).StepRetrySchedule;
            opts.Policies.OnException<IblStepRetryException>()
                .ScheduleRetry([.. stepRetries])
                .Then.MoveToErrorQueue();
            // A loan to a guest account that no guest loan explains (Ingest/UnattributedGuestAccountLoanException): the hub records a
            // guest loan just after the lending system checked the copy out, so the system's feed may report it first; a few
            // seconds cover that. Still unexplained, it was a desk loan to the account, for a person to sort out.
            opts.Policies.OnException<UnattributedGuestAccountLoanException>()
                .ScheduleRetry(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15))
                .Then.MoveToErrorQueue();
            // A copy another system took in, whose owner could not be reached (PatronServices/Returns/ForeignReturnException):
            // tried again for some minutes, then a failed message; one that needs a person (ambiguous, unknown) fails at once.
            opts.Policies.OnException<ForeignReturnException>(e => e.OwnerUnavailable)
                .ScheduleRetry(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10))
                .Then.MoveToErrorQueue();
            opts.Policies.OnException<ForeignReturnException>().MoveToErrorQueue();
            opts.Policies.OnException<MappingMissingException>()
                .Or<IlsProtocolException>()
                .Or<UnknownInstallationException>()
                .Or<FormatException>()
                .MoveToErrorQueue();
            opts.Policies.OnAnyException()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250))
                .Then.ScheduleRetry(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30))
                .Then.MoveToErrorQueue();
        });
    }
}
