using Lsb.Hub.Transports.AzureServiceBus.Internal;
using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Microsoft.Extensions.Logging;
using Wolverine.Configuration;
using Wolverine.Runtime;
using Wolverine.Transports;
using Wolverine.Transports.Sending;

namespace Lsb.Hub.Transports.AzureServiceBus;

/// <summary>
/// A Service Bus queue, topic or subscription as a Wolverine endpoint. Every mode works: <c>Durable</c> (the inbox and
/// outbox in the hub's database; the hub's choice), <c>BufferedInMemory</c> and <c>Inline</c>. Failed messages NEVER go
/// to the broker's dead-letter queue: they go to Wolverine's dead-letter table in the database, as on every backend.
/// </summary>
public abstract class AzureServiceBusEndpoint : Endpoint<IServiceBusEnvelopeMapper, ServiceBusEnvelopeMapper>, IBrokerEndpoint
{
    private readonly SemaphoreSlim _provisioning = new(1, 1);
    private bool _initialized;

    /// <summary>Creates the endpoint.</summary>
    protected AzureServiceBusEndpoint(AzureServiceBusTransport parent, Uri uri, EndpointRole role = EndpointRole.Application) : base(uri, role)
    {
        Parent = parent ?? throw new ArgumentNullException(nameof(parent));
    }

    /// <summary>The transport.</summary>
    public AzureServiceBusTransport Parent { get; }

    /// <summary>Messages asked for in one receive call (buffered and durable listeners hand them on as one batch).</summary>
    public int MaximumMessagesToReceive { get; set; } = 20;

    /// <summary>How long one receive call waits for a first message.</summary>
    public TimeSpan MaximumWaitTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The entity a listener reads; null for an endpoint that only sends (a topic).</summary>
    public abstract ServiceBusEntity? ReceiveEntity { get; }

    /// <summary>The queue or topic a sender sends to; null for an endpoint that only receives (a subscription).</summary>
    public abstract string? SendEntity { get; }

    /// <summary>Failures go to the database, never to the broker (see the class remarks).</summary>
    public override DeadLetterStorageMode DeadLetterStorage => DeadLetterStorageMode.Durable;

    /// <summary>Creates the entity (and what it needs) when it does not exist.</summary>
    public abstract ValueTask SetupAsync(ILogger logger);

    /// <summary>Whether the entity exists.</summary>
    public abstract ValueTask<bool> CheckAsync();

    /// <summary>The transport never deletes entities: they are owned by the infrastructure templates.</summary>
    public ValueTask TeardownAsync(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.LogInformation("Not deleting Azure Service Bus entity {Uri}: entities are removed through the infrastructure templates.", Uri);
        return ValueTask.CompletedTask;
    }

    /// <summary>Provisions the entity once when the transport may (<c>AutoProvision</c>);
    /// safe to call from every sender and listener.</summary>
    public override async ValueTask InitializeAsync(ILogger logger)
    {
        if (_initialized) return;
        await _provisioning.WaitAsync();
        try
        {
            if (_initialized) return;
            if (Parent.AutoProvision) await SetupAsync(logger);
            _initialized = true;
        }
        finally
        {
            _provisioning.Release();
        }
    }

    /// <inheritdoc />
    public override async ValueTask<IListener> BuildListenerAsync(IWolverineRuntime runtime, IReceiver receiver)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var entity = ReceiveEntity ?? throw new InvalidOperationException(
            $"{Uri} only sends: listen to a subscription of the topic instead (ListenToAzureServiceBusSubscription).");
        await InitializeAsync(runtime.Logger);
        var listener = new ServiceBusListener(this, Parent.Client.CreateReceiver(entity), receiver, BuildMapper(runtime), runtime,
            runtime.LoggerFactory.CreateLogger<ServiceBusListener>());
        listener.Start();
        return listener;
    }

    /// <inheritdoc />
    protected override ISender CreateSender(IWolverineRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var entity = SendEntity ?? throw new InvalidOperationException($"{Uri} only receives: publish to its topic instead.");
        var protocol = new ServiceBusSenderProtocol(this, Parent.Client.CreateSender(entity), BuildMapper(runtime),
            runtime.LoggerFactory.CreateLogger<ServiceBusSenderProtocol>());
        if (Mode == EndpointMode.Inline) return new InlineServiceBusSender(this, protocol);
        return new BatchedSender(this, protocol, runtime.DurabilitySettings.Cancellation, runtime.LoggerFactory.CreateLogger<BatchedSender>())
        {
            SupportsNativeScheduledSend = true,
        };
    }

    /// <inheritdoc />
    protected override ServiceBusEnvelopeMapper buildMapper(IWolverineRuntime runtime) => new(this, Parent.TimeProvider);

    /// <inheritdoc />
    protected override bool supportsMode(EndpointMode mode) => true;

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}: {Uri}";
}
