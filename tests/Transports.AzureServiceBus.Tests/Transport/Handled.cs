using System.Collections.Concurrent;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>What handlers did, per message id (ids are unique per test, so parallel tests do not see each other).</summary>
public static class Handled
{
    private static readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> ByMessage = new();
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Gates = new();
    private static readonly ConcurrentDictionary<Guid, int> Started = new();

    public static void Record(Guid id, string node) => ByMessage.GetOrAdd(id, _ => new ConcurrentQueue<string>()).Enqueue(node);

    /// <summary>The nodes that handled the message to the end, one entry per handling.</summary>
    public static IReadOnlyList<string> Of(Guid id) => ByMessage.TryGetValue(id, out var nodes) ? [.. nodes] : [];

    public static int Count(IEnumerable<Guid> ids) => ids.Sum(id => Of(id).Count);

    public static void MarkStarted(Guid id) => Started.AddOrUpdate(id, 1, (_, n) => n + 1);

    public static int StartedCount(Guid id) => Started.TryGetValue(id, out var n) ? n : 0;

    public static Task Gate(Guid id) => Gates.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public static void Open(Guid id) => Gates.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {seconds} s waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
