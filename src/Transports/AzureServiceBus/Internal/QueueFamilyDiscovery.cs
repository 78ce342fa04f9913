using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine.Runtime;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>
/// Starts listeners for members of the queue families this node listens to that appeared after start-up: members this
/// node created by sending (at once) and members another node created (found by listing the namespace every
/// <see cref="AzureServiceBusTransport.QueueDiscoveryInterval"/>). Waits until the host has started.
/// </summary>
internal sealed class QueueFamilyDiscovery(AzureServiceBusTransport transport, IWolverineRuntime runtime, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _nudge = new(0);
    private readonly CancellationTokenSource _stopping = CancellationTokenSource.CreateLinkedTokenSource(runtime.Cancellation);
    private Task? _loop;

    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>Look now (a member was just created on this node).</summary>
    public void Nudge() => _nudge.Release();

    private async Task LoopAsync()
    {
        try
        {
            await WaitForHostStartAsync();
            while (!_stopping.IsCancellationRequested)
            {
                await ListAsync();
                await StartNewListenersAsync();
                await _nudge.WaitAsync(transport.QueueDiscoveryInterval, _stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task WaitForHostStartAsync()
    {
        if (runtime.Services.GetService<IHostApplicationLifetime>() is not { } lifetime) return;
        var started = new TaskCompletionSource();
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(_stopping.Token);
    }

    private async Task ListAsync()
    {
        foreach (var family in transport.Families.Where(f => f.Listen))
        {
            try
            {
                foreach (var name in await transport.Client.Admin.ListQueuesAsync(family.Name + "-", _stopping.Token))
                    transport.FamilyQueueByName(family, name);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                logger.LogWarning(e, "Could not list the queues of family {Family}; new installations' queues are picked up at the next try", family.Name);
            }
        }
    }

    private async Task StartNewListenersAsync()
    {
        foreach (var queue in transport.Queues.Values.Where(q => q.IsListener && transport.Families.Any(f => f.Listen && f.Owns(q.QueueName))))
        {
            if (runtime.Endpoints.FindListeningAgent(queue.Uri) is not null) continue;
            try
            {
                await runtime.Endpoints.StartListenerAsync(queue, _stopping.Token);
                logger.LogInformation("Listening to Azure Service Bus queue {Queue}", queue.QueueName);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                logger.LogWarning(e, "Could not start listening to {Queue}; trying again at the next discovery", queue.QueueName);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null) await _loop;
        _stopping.Dispose();
        _nudge.Dispose();
    }
}
