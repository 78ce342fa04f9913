using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Bus;

/// <summary>Configuration section <c>Bus</c>.</summary>
public sealed class BusOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Bus";

    /// <summary><c>Local</c> (default), <c>RabbitMq</c> or <c>AzureServiceBus</c>.</summary>
    public BusTransport Transport { get; set; } = BusTransport.Local;

    /// <summary>RabbitMQ: an AMQP URI, e.g. <c>amqp://user:password@127.0.0.1:5672/vhost</c> (from the environment:
    /// <c>Bus__RabbitMqUri</c>; never from the repository).</summary>
    public string? RabbitMqUri { get; set; }

    /// <summary>Azure Service Bus with a SAS connection string (from the environment or Key Vault:
    /// <c>Bus__ServiceBusConnectionString</c>; never from the repository). Either this or <see cref="ServiceBusNamespace"/>.</summary>
    public string? ServiceBusConnectionString { get; set; }

    /// <summary>Azure Service Bus with Entra ID: the namespace, e.g. <c>lsb-prod.servicebus.windows.net</c>. The credential is
    /// the managed identity <see cref="ServiceBusClientId"/> when set, else <c>DefaultAzureCredential</c>.</summary>
    public string? ServiceBusNamespace { get; set; }

    /// <summary>Client id of the user-assigned managed identity that reaches the namespace (the container app's).</summary>
    public string? ServiceBusClientId { get; set; }

    /// <summary>Azure Service Bus: create missing queues (e.g. a newly registered installation's), topics and subscriptions.
    /// Needs the role "Azure Service Bus Data Owner"; when off, the templates MUST have created every entity.</summary>
    public bool ServiceBusAutoProvision { get; set; } = true;

    /// <summary>Prefix of the broker queues, so several hubs (test runs, environments) can share a broker.</summary>
    [RegularExpression("^[a-z][a-z0-9-]{0,30}$", ErrorMessage = "Bus:QueuePrefix must be a lower-case slug of at most 31 characters.")]
    public string QueuePrefix { get; set; } = "lsb";

    /// <summary>PostgreSQL: a node that has not reported for this long is taken for dead; its unfinished messages are
    /// recovered by the others. Short is faster recovery, long tolerates slow nodes.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Bus:StaleNodeTimeout must be between 5 seconds and 10 minutes.")]
    public TimeSpan StaleNodeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a node's log followers (the holdings projection) wait for a sign of new events before they look
    /// in the log anyway: commits on this node wake them at once, commits on other nodes only through this look or, on
    /// Azure Service Bus, through the events topic. Default 1 s, and 30 s on Azure Service Bus, where the look is only a
    /// safety net.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Bus:EventLogPollInterval must be between 100 ms and 10 minutes.")]
    public TimeSpan? EventLogPollInterval { get; set; }

    /// <summary><see cref="EventLogPollInterval"/> or its default for the transport.</summary>
    public TimeSpan EffectiveEventLogPollInterval =>
        EventLogPollInterval ?? (Transport == BusTransport.AzureServiceBus ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(1));

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport == BusTransport.RabbitMq && (string.IsNullOrWhiteSpace(RabbitMqUri) || !Uri.TryCreate(RabbitMqUri, UriKind.Absolute, out _)))
            yield return new ValidationResult("Bus:Transport is RabbitMq but Bus:RabbitMqUri is not an AMQP URI: set it, e.g. amqp://guest:guest@127.0.0.1:5672.", [nameof(RabbitMqUri)]);
        if (Transport == BusTransport.AzureServiceBus && string.IsNullOrWhiteSpace(ServiceBusConnectionString) && string.IsNullOrWhiteSpace(ServiceBusNamespace))
            yield return new ValidationResult("Bus:Transport is AzureServiceBus but neither Bus:ServiceBusNamespace (managed identity) nor Bus:ServiceBusConnectionString is set: set one (docs/deploy.md).",
                [nameof(ServiceBusNamespace), nameof(ServiceBusConnectionString)]);
    }
}
