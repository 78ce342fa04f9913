using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Lsb.Hub.Transports.AzureServiceBus.Sdk;
using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>
/// How the transport reaches a Service Bus namespace: a connection string (SAS; development and test), a namespace with
/// an <c>Azure.Identity</c> credential (production: the container app's managed identity, or
/// <see cref="DefaultAzureCredential"/>), or a ready seam (tests, the in-memory fake). A connection NEVER prints its
/// secret: <see cref="ToString"/> names only the namespace.
/// </summary>
public sealed class ServiceBusConnection
{
    private readonly Func<IServiceBusClientSeam> _create;

    private ServiceBusConnection(string description, Func<IServiceBusClientSeam> create)
    {
        Description = description;
        _create = create;
    }

    /// <summary>The namespace (or "custom seam"), without secrets.</summary>
    public string Description { get; }

    /// <summary>A namespace reached with a connection string (<c>Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…</c>).</summary>
    public static ServiceBusConnection FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var properties = ServiceBusConnectionStringProperties.Parse(connectionString);
        return new ServiceBusConnection(properties.FullyQualifiedNamespace, () => new SdkServiceBusClient(
            new ServiceBusClient(connectionString, ClientOptions()),
            new ServiceBusAdministrationClient(connectionString)));
    }

    /// <summary>A namespace (<c>name.servicebus.windows.net</c>) reached with an Entra ID credential. Without
    /// <paramref name="credential"/>: the user-assigned managed identity <paramref name="managedIdentityClientId"/> when
    /// given, else <see cref="DefaultAzureCredential"/> (environment, workload identity, managed identity, Azure CLI).</summary>
    public static ServiceBusConnection FromNamespace(string fullyQualifiedNamespace, TokenCredential? credential = null, string? managedIdentityClientId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullyQualifiedNamespace);
        var name = fullyQualifiedNamespace.Contains('.', StringComparison.Ordinal) ? fullyQualifiedNamespace : $"{fullyQualifiedNamespace}.servicebus.windows.net";
        var token = credential ?? (string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId)));
        return new ServiceBusConnection(name, () => new SdkServiceBusClient(
            new ServiceBusClient(name, token, ClientOptions()),
            new ServiceBusAdministrationClient(name, token)));
    }

    /// <summary>A ready seam, e.g. the in-memory fake in tests. The transport disposes it when the host stops.</summary>
    public static ServiceBusConnection FromSeam(IServiceBusClientSeam seam, string description = "custom seam")
    {
        ArgumentNullException.ThrowIfNull(seam);
        return new ServiceBusConnection(description, () => seam);
    }

    /// <summary>Creates the client. Nothing is contacted until the first operation.</summary>
    public IServiceBusClientSeam CreateClient() => _create();

    /// <inheritdoc />
    public override string ToString() => Description;

    private static ServiceBusClientOptions ClientOptions() => new()
    {
        TransportType = ServiceBusTransportType.AmqpTcp,
        RetryOptions = new ServiceBusRetryOptions { Mode = ServiceBusRetryMode.Exponential, MaxRetries = 5, MaxDelay = TimeSpan.FromSeconds(30) },
    };
}
