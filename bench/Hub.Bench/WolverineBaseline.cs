using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Sqlite;

namespace Lsb.Hub.Bench;

/// <summary>Baseline: Wolverine with a durable local queue in SQLite (Solo) and a handler that does nothing.</summary>
public static class WolverineBaseline
{
    public static async Task<Measurement> RunAsync(int count)
    {
        var directory = Path.Combine(Path.GetTempPath(), "lsb-bench-wolverine-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<NoOpCounter>();
        builder.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(WolverineBaseline).Assembly;
            opts.PersistMessagesWithSqlite($"Data Source={Path.Combine(directory, "messages.db")}");
            opts.Durability.Mode = DurabilityMode.Solo;
            opts.UseRuntimeCompilation();
            opts.Policies.UseDurableLocalQueues();
            opts.PublishMessage<NoOpMessage>().ToLocalQueue("baseline");
            opts.Discovery.IncludeType<NoOpHandler>();
        });
        using var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IMessageBus>();
        var counter = host.Services.GetRequiredService<NoOpCounter>();
        await bus.SendAsync(new NoOpMessage(-1));
        while (counter.Count < 1) await Task.Delay(10);
        counter.Reset();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await bus.SendAsync(new NoOpMessage(i));
        while (counter.Count < count) await Task.Delay(10);
        var elapsed = clock.Elapsed;
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return new Measurement(count, elapsed);
    }
}

public sealed record NoOpMessage(int Number);

public sealed class NoOpCounter
{
    private long _count;
    public long Count => Interlocked.Read(ref _count);
    public void Increment() => Interlocked.Increment(ref _count);
    public void Reset() => Interlocked.Exchange(ref _count, 0);
}

public sealed class NoOpHandler
{
    public static void Handle(NoOpMessage message, NoOpCounter counter) => counter.Increment();
}
