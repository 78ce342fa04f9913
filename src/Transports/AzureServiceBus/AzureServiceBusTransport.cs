using System.Collections.Concurrent;
using Lsb.Hub.Transports.AzureServiceBus.Internal;
using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;
using Wolverine.Runtime;
using Wolverine.Transports;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>
/// The Wolverine transport for Azure Service Bus (scheme <c>asb</c>): queues (<c>asb://queue/{name}</c>), topics
/// (<c>asb://topic/{name}</c>) and their subscriptions (<c>asb://topic/{topic}/{subscription}</c>), plus queue families
/// (one queue per routing key). Everything it does to the namespace goes through <see cref="IServiceBusClientSeam"/>.
/// Entities are created on start (and on first use) only when <see cref="BrokerTransport{TEndpoint}.AutoProvision"/> is
/// on; otherwise the infrastructure templates MUST have created them.
/// </summary>
public sealed class AzureServiceBusTransport : BrokerTransport<AzureServiceBusEndpoint>, IAsyncDisposable
{
    /// <summary>The URI scheme.</summary>
    public const string ProtocolName = "asb";

    private readonly List<QueueFamily> _families = [];
    private IServiceBusClientSeam? _client;
    private QueueFamilyDiscovery? _discovery;

    /// <summary>Creates the transport for a namespace.</summary>
    public AzureServiceBusTransport(ServiceBusConnection connection) : base(ProtocolName, "Azure Service Bus", ["azure", "servicebus"])
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        RouteSource = new KeyedQueueRouteSource(this);
    }

    /// <summary>How the namespace is reached.</summary>
    public ServiceBusConnection Connection { get; }

    /// <summary>The client, once connected.</summary>
    public IServiceBusClientSeam Client => _client ?? throw new InvalidOperationException("The Azure Service Bus transport is not connected yet.");

    /// <summary>The clock for lock renewal and scheduling decisions (tests replace it).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How provisioned queues are created (name ignored).</summary>
    public QueueDefinition QueueDefaults { get; set; } = new() { Name = "*" };

    /// <summary>How provisioned subscriptions are created (topic and name ignored).</summary>
    public SubscriptionDefinition SubscriptionDefaults { get; set; } = new() { Topic = "*", Name = "*" };

    /// <summary>How long a listener keeps renewing the lock of a message whose handler has not finished.</summary>
    public TimeSpan MaxLockRenewalDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether listeners drain their entity's dead-letter sub-queue into the failed-message store.</summary>
    public bool DrainDeadLetters { get; set; } = true;

    /// <summary>How often a node lists the namespace for new members of the queue families it listens to.</summary>
    public TimeSpan QueueDiscoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The queues, by name.</summary>
    public ConcurrentDictionary<string, AzureServiceBusQueue> Queues { get; } = new(StringComparer.Ordinal);

    /// <summary>The topics, by name.</summary>
    public ConcurrentDictionary<string, AzureServiceBusTopic> Topics { get; } = new(StringComparer.Ordinal);

    /// <summary>The subscriptions, by <c>topic/subscription</c>.</summary>
    public ConcurrentDictionary<string, AzureServiceBusSubscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyList<QueueFamily> Families => _families;

    internal KeyedQueueRouteSource RouteSource { get; }

    /// <inheritdoc />
    public override Uri ResourceUri => new($"{ProtocolName}://{Uri.EscapeDataString(Connection.Description)}");

    /// <summary>The queue endpoint of that name (created on first use).</summary>
    public AzureServiceBusQueue Queue(string name) => Queues.GetOrAdd(name, n => new AzureServiceBusQueue(this, n));

    /// <summary>The topic endpoint of that name (created on first use).</summary>
    public AzureServiceBusTopic Topic(string name) => Topics.GetOrAdd(name, n => new AzureServiceBusTopic(this, n));

    /// <summary>The subscription endpoint (created on first use).</summary>
    public AzureServiceBusSubscription Subscription(string topic, string subscription) =>
        Subscriptions.GetOrAdd($"{topic}/{subscription}", _ => new AzureServiceBusSubscription(this, Topic(topic), subscription));

    internal QueueFamily Family(string name)
    {
        lock (_families)
        {
            var family = _families.FirstOrDefault(f => f.Name == name);
            if (family is null) _families.Add(family = new QueueFamily(name));
            return family;
        }
    }

    /// <summary>The member of <paramref name="family"/> for a routing key, created (and announced to this node's
    /// listeners) on first use.</summary>
    internal AzureServiceBusQueue FamilyQueue(QueueFamily family, string key) => FamilyQueueByName(family, QueueNames.ForKey(family.Name, key));

    internal AzureServiceBusQueue FamilyQueueByName(QueueFamily family, string queueName)
    {
        if (Queues.TryGetValue(queueName, out var existing)) return existing;
        var created = false;
        var queue = Queues.GetOrAdd(queueName, name =>
        {
            created = true;
            var member = new AzureServiceBusQueue(this, name) { Mode = family.Mode, IsListener = family.Listen };
            if (family.Listen && family.Configure is { } configure) configure(new ServiceBusListenerConfiguration(member));
            return member;
        });
        if (created && family.Listen) _discovery?.Nudge();
        return queue;
    }

    /// <inheritdoc />
    protected override IEnumerable<AzureServiceBusEndpoint> endpoints() =>
        [.. Queues.Values, .. Topics.Values, .. Subscriptions.Values];

    /// <inheritdoc />
    protected override AzureServiceBusEndpoint findEndpointByUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return (uri.Host, segments.Length) switch
        {
            ("queue", 1) => Queue(segments[0]),
            ("topic", 1) => Topic(segments[0]),
            ("topic", 2) => Subscription(segments[0], segments[1]),
            _ => throw new ArgumentOutOfRangeException(nameof(uri), $"'{uri}' is not an Azure Service Bus address: use asb://queue/{{name}}, asb://topic/{{name}} or asb://topic/{{topic}}/{{subscription}}."),
        };
    }

    /// <summary>Opens the client, registers listeners for the existing members of listened queue families and starts
    /// looking for new ones. Safe to call again (Wolverine retries start-up).</summary>
    public override async ValueTask ConnectAsync(IWolverineRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _client ??= Connection.CreateClient();
        foreach (var family in _families.Where(f => f.Listen))
        {
            try
            {
                foreach (var name in await Client.Admin.ListQueuesAsync(family.Name + "-", runtime.Cancellation))
                    FamilyQueueByName(family, name);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // Not fatal: discovery keeps trying, and each queue is listened to once it is found.
                runtime.Logger.LogWarning(e, "Could not list the queues of family {Family} on {Namespace} (does the identity have the role Azure Service Bus Data Owner?); retrying in the background",
                    family.Name, Connection);
            }
        }
        if (_discovery is null && _families.Any(f => f.Listen))
        {
            _discovery = new QueueFamilyDiscovery(this, runtime, runtime.LoggerFactory.CreateLogger<QueueFamilyDiscovery>());
            _discovery.Start();
        }
    }

    /// <inheritdoc />
    public override IEnumerable<PropertyColumn> DiagnosticColumns() => [];

    /// <summary>Stops discovery and closes the client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_discovery is not null) await _discovery.DisposeAsync();
        if (_client is not null) await _client.DisposeAsync();
        _discovery = null;
        _client = null;
    }
}
