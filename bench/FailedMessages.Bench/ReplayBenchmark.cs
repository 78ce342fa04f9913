using System.Diagnostics;
using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.FailedMessages.Stamping;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Lsb.Hub.FailedMessages.Bench;

/// <summary>
/// In one hub, one run: (1) <c>failed</c> copy changes with an unmapped status fail into the store; (2) live ingest of
/// <c>live</c> copies alone; (3) the mapping is fixed and the whole group replayed in ONE operation while another
/// <c>live</c> copies are ingested; (4) a second set of <c>failed</c> messages is replayed with nothing else running.
/// Reports replay messages/s (alone and under ingest) and ingest copies/s (alone and during the replay).
/// </summary>
public static class ReplayBenchmark
{
    private const string MappingMissing = "Lsb.Hub.Adapters.MappingMissingException";
    private const string IngestChange = "Lsb.Hub.Ingest.IngestChange";

    public static async Task RunAsync(int failed, int live)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; {failed:N0} failed messages, {live:N0} live copies per ingest phase");
        await using var hub = await BenchHub.StartAsync();

        var broken = await FailAsync(hub, "broken", "ZB", failed);
        var aloneInstallation = "bench-live-alone";
        for (var i = 0; i < live; i++) hub.Feed.AddCopy(aloneInstallation, $"L-{i}", "AV");
        var ingestAlone = await IngestAsync(hub, "live-alone", live);
        Line("ingest alone", live, ingestAlone, "copies");

        // Live ingest measured over the replay's own window: copies stored between the first replay batch going out
        // and the operation's end, with a feed far larger than that window can drain.
        await File.AppendAllTextAsync(hub.MappingFile, "ZB,Available\n");
        for (var i = 0; i < 5 * live; i++) hub.Feed.AddCopy("bench-live-during", $"D-{i}", "AV");
        var replayTask = ReplayAsync(hub, broken);
        var operations = hub.Services.GetRequiredService<OperationStore>();
        while ((await operations.ListAsync(1, CancellationToken.None)) is not [{ Pending: > 0 } or { BatchesDone: > 0 }, ..]) await Task.Delay(20);
        var window = Stopwatch.StartNew();
        var during = await hub.RegisterAsync("live-during");
        long ingestedDuring;
        TimeSpan ingestWindow;
        while (true)
        {
            // The window closes when the replay ends or the live feed runs dry, whichever comes first.
            await Task.WhenAny(replayTask, Task.Delay(100));
            ingestedDuring = await hub.HoldingsAsync(during);
            ingestWindow = window.Elapsed;
            if (replayTask.IsCompleted || ingestedDuring >= 5L * live) break;
        }
        var (replayDuring, view) = await replayTask;
        var overlap = replayTask.IsCompleted && ingestedDuring < 5L * live ? "window: the whole replay" : "window: until the live feed ran dry";
        while (await hub.HoldingsAsync(during) < 5L * live) await Task.Delay(100); // let the live feed drain before the next phase
        Line("ingest during the replay", (int)ingestedDuring, ingestWindow, "copies", $"({overlap})");
        Line("replay under ingest (1 operation)", failed, replayDuring, "messages", $"{view.BatchesDone} batches, {view.Succeeded:N0} succeeded, {view.FailedAgain} failed again");
        var ingestRateAlone = live / ingestAlone.TotalSeconds;
        var ingestRateDuring = ingestedDuring / ingestWindow.TotalSeconds;

        var second = await FailAsync(hub, "broken-again", "ZC", failed);
        await File.AppendAllTextAsync(hub.MappingFile, "ZC,Available\n");
        var (replayAlone, aloneView) = await ReplayAsync(hub, second);
        Line("replay alone (1 operation)", failed, replayAlone, "messages", $"{aloneView.BatchesDone} batches, {aloneView.Succeeded:N0} succeeded, {aloneView.FailedAgain} failed again");

        Console.WriteLine();
        Console.WriteLine($"ingest during replay / ingest alone = {ingestRateDuring / ingestRateAlone:P0}");
        Console.WriteLine($"load average at the end: {LoadAverage()}");
    }

    private static async Task<string> FailAsync(BenchHub hub, string name, string code, int count)
    {
        var installation = $"bench-{name}";
        for (var i = 0; i < count; i++) hub.Feed.AddCopy(installation, $"F-{code}-{i}", code);
        var clock = Stopwatch.StartNew();
        await hub.RegisterAsync(name);
        var deadLetters = hub.Services.GetRequiredService<IWolverineRuntime>().Storage.DeadLetters;
        var group = FailedMessageFingerprinter.For(MappingMissing, IngestChange, installation).Group;
        while ((await deadLetters.QueryAsync(new DeadLetterEnvelopeQuery { FailureGroup = group, PageSize = 1 }, CancellationToken.None)).TotalCount < count)
            await Task.Delay(100);
        Line($"{count:N0} changes failing into the store", count, clock.Elapsed, "messages");
        return group;
    }

    private static async Task<TimeSpan> IngestAsync(BenchHub hub, string name, int count)
    {
        var clock = Stopwatch.StartNew();
        var installation = await hub.RegisterAsync(name);
        while (await hub.HoldingsAsync(installation) < count) await Task.Delay(50);
        return clock.Elapsed;
    }

    private static async Task<(TimeSpan Elapsed, ReplayOperationView View)> ReplayAsync(BenchHub hub, string group)
    {
        var clock = Stopwatch.StartNew();
        var (operation, refusal) = await hub.Services.GetRequiredService<ReplayRequests>().ReplayAsync(new ReplaySelection { Group = group }, "bench", false, CancellationToken.None);
        if (operation is null) throw new InvalidOperationException($"The replay was refused: {refusal}");
        var operations = hub.Services.GetRequiredService<OperationStore>();
        while (true)
        {
            var view = (await operations.GetAsync(operation.Id, CancellationToken.None))!;
            if (OperationStatus.IsFinished(view.Status) && view.Pending == 0) return (clock.Elapsed, view);
            await Task.Delay(50);
        }
    }

    private static void Line(string what, int count, TimeSpan elapsed, string unit, string? extra = null)
        => Console.WriteLine($"{what,-40} {count,8:N0} {unit} in {elapsed.TotalSeconds,7:F1} s = {count / elapsed.TotalSeconds,8:N0} {unit}/s {extra}");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
