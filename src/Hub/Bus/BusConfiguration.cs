using JasperFx;
using Lsb.Hub.Adapters;
using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Ingest;
using Lsb.Hub.Storage;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Postgresql;
using Wolverine.Sqlite;

namespace Lsb.Hub.Bus;

/// <summary>
/// The bus: Wolverine with its message store in the hub's database (SQLite file or PostgreSQL schema) and durable
/// local queues. The retry policy is defined here, once, for every handler: a few immediate retries, then
/// scheduled retries with growing delays, then the failed-message store. Errors that retrying cannot fix (an
/// unmapped vendor code, an unreadable vendor answer, an unknown installation) go to the store at once.
/// </summary>
public static class BusConfiguration
{
    /// <summary>The local queue for ingest (sequential per node on SQLite: one writer anyway).</summary>
    public const string IngestQueue = "ingest";

    /// <summary>Adds Wolverine to the host.</summary>
    public static IHostBuilder UseHubBus(this IHostBuilder host, IConfiguration configuration, HubDatabase database)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(database);
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
            }
            opts.AutoBuildMessageStorageOnStartup = AutoCreate.CreateOrUpdate;
            opts.UseSystemTextJsonForSerialization(json => json.TypeInfoResolverChain.Insert(0, HubMessageJsonContext.Default));
            opts.UseRuntimeCompilation();
            opts.Policies.UseDurableLocalQueues();

            var ingestParallelism = configuration.GetValue("Ingest:Parallelism", database.Provider == StorageProvider.Sqlite ? 1 : 4);
            opts.LocalQueue(IngestQueue).MaximumParallelMessages(Math.Max(1, ingestParallelism));
            opts.PublishMessage<IngestChangePage>().ToLocalQueue(IngestQueue);
            opts.PublishMessage<IngestChange>().ToLocalQueue(IngestQueue);

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
