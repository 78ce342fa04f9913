using Wolverine.Runtime;
using Wolverine.Runtime.Routing;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>Gives Wolverine the per-key routes of the transport's queue families (ahead of every other routing rule).</summary>
internal sealed class KeyedQueueRouteSource(AzureServiceBusTransport transport) : IMessageRouteSource
{
    private readonly Dictionary<Type, Func<IWolverineRuntime, IMessageRoute>> _routes = [];

    /// <summary>Routes <typeparamref name="T"/> by <paramref name="key"/> into <paramref name="family"/>.</summary>
    public void Add<T>(QueueFamily family, Func<T, string> key) =>
        _routes[typeof(T)] = runtime => new KeyedQueueRoute<T>(transport, family, key, runtime);

    public bool IsAdditive => false;

    public IEnumerable<IMessageRoute> FindRoutes(Type messageType, IWolverineRuntime runtime) =>
        _routes.TryGetValue(messageType, out var create) ? [create(runtime)] : [];
}
