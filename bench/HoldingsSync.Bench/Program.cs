using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Dapper;
using Lsb.Hub.Holdings;
using Lsb.Hub.HoldingsSync.Batches;
using Lsb.Hub.HoldingsSync.Bench;
using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Reconciliation;
using Lsb.Hub.Ingest;
using Lsb.Hub.Marc.Holdings;
using Lsb.Hub.Storage;
using Wolverine;

var copies = new BenchCopies(Arg("--copies", 1_000_000), Arg("--libraries", 20), Arg("--reconcile-copies", 100_000));
var changeCount = Arg("--changes", 10_000);
var postgres = Text("--postgres");
var planted = Arg("--planted", 100);

await using var hub = await BenchHub.StartAsync(postgres);
var database = hub.Services.GetRequiredService<HubDatabase>();
Console.WriteLine($"holdings-sync benchmark: {copies.Count:N0} copies in {copies.Libraries} libraries ({BenchCopies.Isil(0)}: {Arg("--reconcile-copies", 100_000):N0}), " +
    $"{changeCount:N0} changes, {(postgres is null ? "SQLite" : "PostgreSQL")}, {Environment.ProcessorCount} cores");

var load = await BulkLoader.LoadAsync(database, copies, hub.Ggc.Control);
Console.WriteLine($"set-up (bulk load, not measured as sync): {copies.Count:N0} copies into the hub's tables and GGC in {load.TotalSeconds:F1} s");

var projection = hub.Services.GetRequiredService<HoldingsProjection>();
await WarmUpAsync();
var (before, _) = await projection.PositionsAsync(CancellationToken.None);
var changes = await ChangeDriver.ApplyAsync(hub.Services.GetRequiredService<CanonicalIngest>(), copies, changeCount);
Console.WriteLine($"the day's changes through canonical ingest: {changes.Changed:N0} changed, {changes.Added:N0} added, {changes.Withdrawn:N0} withdrawn, " +
    $"{changes.Loans:N0} loans in {changes.Elapsed.TotalSeconds:F2} s (for information)");

// The projection runs alongside ingest all day; measure it on its own by reading the day's events again.
await projection.CatchUpAsync(CancellationToken.None);
await using (var connection = await database.OpenAsync())
    await connection.ExecuteAsync("UPDATE holdings_projection SET position = @before WHERE id = 1", new { before });
var clock = Stopwatch.StartNew();
var (after, _) = (await projection.CatchUpAsync(CancellationToken.None), 0);
var projected = clock.Elapsed;

var cutter = hub.Services.GetRequiredService<BatchCutter>();
List<string> libraries;
await using (var connection = await database.OpenAsync())
    libraries = [.. await connection.QueryAsync<string>("SELECT DISTINCT isil FROM holdings_sync_journal ORDER BY isil")];
clock.Restart();
var batches = new List<SyncBatch>();
foreach (var isil in libraries)
    if (await cutter.CutAsync(isil, BatchKind.Daily, CancellationToken.None) is { } batch) batches.Add(batch);
var cut = clock.Elapsed;
var records = batches.Sum(b => b.Records);

var bus = hub.Services.GetRequiredService<IMessageBus>();
clock.Restart();
foreach (var batch in batches) await bus.SendAsync(new DeliverHoldingsBatch(batch.Isil, batch.Id));
await WaitDeliveredAsync();
var delivered = clock.Elapsed;
var (accepted, rejected, unmatched) = await CountsAsync();
var held = Enumerable.Range(0, copies.Libraries).Sum(l => hub.Ggc.Control.HeldCount(BenchCopies.Isil(l)));
long expected;
await using (var connection = await database.OpenAsync())
    expected = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM holdings_sync_copies WHERE target = 'Ggc'");

Console.WriteLine();
Console.WriteLine("| step | records | seconds | per second |");
Console.WriteLine("|---|---|---|---|");
Row("projection: the day's events (log positions) into the union index and the journal", after - before, projected);
Row($"produce: cut {batches.Count} daily batches (diff, MARC records, outbox rows)", records, cut);
Row($"deliver: {batches.Count} files + manifests to the GGC simulator, reports recorded", records, delivered);
Row("produce + deliver", records, projected + cut + delivered);
Console.WriteLine($"\ndaily batches: {records:N0} records, {accepted:N0} accepted, {rejected:N0} rejected, {unmatched:N0} unmatched; GGC holds {held:N0} copies, the hub believes {expected:N0}");

// Reconciliation of the big library against planted drift: copies GGC loses, copies it holds differently, copies
// it holds that the hub does not have.
var big = BenchCopies.Isil(0);
var ggc = hub.Ggc.Control;
int removed = 0, altered = 0;
for (var copy = 1; removed < planted || altered < planted; copy += 2)
{
    if (removed < planted && ggc.Remove(big, BenchCopies.HoldingId(copy))) removed++;
    var differing = BenchCopies.HoldingId(copy + 1);
    if (altered < planted && ggc.Find(big, differing) is not null)
    {
        ggc.AlterShelfmark(big, differing, "KAST 13");
        altered++;
    }
}
for (var i = 0; i < planted; i++)
    ggc.Plant(big, new MarcHoldingsBuilder("123456789").WithControlNumber($"hld-{Guid.NewGuid():N}").AtLocation(big)
        .AddItem(new HoldingsItem { Barcode = $"38{i:D12}" }).Build());
var reconciler = hub.Services.GetRequiredService<LibraryReconciler>();
clock.Restart();
var report = await reconciler.ReconcileAsync(big, fullResync: false, CancellationToken.None);
var reconciled = clock.Elapsed;
clock.Restart();
await WaitDeliveredAsync();
var repaired = clock.Elapsed;
Console.WriteLine();
Console.WriteLine($"| reconciliation of {big} | copies | seconds |");
Console.WriteLine("|---|---|---|");
Console.WriteLine($"| compare hub ({report.HubCopies:N0}) with GGC ({report.TargetCopies:N0}) and cut the repair batch | {report.HubCopies + report.TargetCopies:N0} | {reconciled.TotalSeconds:F2} |");
Console.WriteLine($"| deliver the repair batch ({report.Missing + report.Surplus + report.Differing:N0} records) | {report.Missing + report.Surplus + report.Differing:N0} | {repaired.TotalSeconds:F2} |");
Console.WriteLine($"\nfound: {report.Missing} missing, {report.Surplus} surplus, {report.Differing} differing, {report.Unmatched} unmatched (planted {planted} of each; the day's changes leave the library in step)");
var again = await reconciler.ReconcileAsync(big, fullResync: false, CancellationToken.None);
Console.WriteLine($"second reconciliation after the repair: {again.Missing} missing, {again.Surplus} surplus, {again.Differing} differing");
return report.Missing == planted && report.Surplus == planted && report.Differing == planted && again.Missing + again.Surplus + again.Differing == 0 && held == expected ? 0 : 1;

// JIT and Wolverine's handler code generation happen once per process: pay them before timing.
async Task WarmUpAsync()
{
    var ingest = hub.Services.GetRequiredService<CanonicalIngest>();
    await ChangeDriver.ApplyAsync(ingest, new BenchCopies(copies.Count, copies.Libraries, Arg("--reconcile-copies", 100_000)), 10, seed: 7);
    await projection.CatchUpAsync(CancellationToken.None);
    var warm = hub.Services.GetRequiredService<BatchCutter>();
    var messages = hub.Services.GetRequiredService<IMessageBus>();
    await using (var connection = await database.OpenAsync())
    {
        foreach (var isil in await connection.QueryAsync<string>("SELECT DISTINCT isil FROM holdings_sync_journal"))
            if (await warm.CutAsync(isil, BatchKind.Manual, CancellationToken.None) is { } batch)
                await messages.SendAsync(new DeliverHoldingsBatch(batch.Isil, batch.Id));
    }
    await WaitDeliveredAsync();
}

async Task WaitDeliveredAsync()
{
    var deadline = DateTime.UtcNow.AddMinutes(30);
    while (DateTime.UtcNow < deadline)
    {
        await using var connection = await database.OpenAsync();
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM holdings_sync_batches WHERE status <> 'Delivered'") == 0) return;
        await Task.Delay(20);
    }
    throw new TimeoutException("Batches not delivered within 30 minutes.");
}

async Task<(long Accepted, long Rejected, long Unmatched)> CountsAsync()
{
    await using var connection = await database.OpenAsync();
    return (await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(accepted), 0) FROM holdings_sync_batches WHERE kind = 'Daily'"),
        await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(rejected), 0) FROM holdings_sync_batches WHERE kind = 'Daily'"),
        await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(unmatched), 0) FROM holdings_sync_batches WHERE kind = 'Daily'"));
}

static void Row(string what, long count, TimeSpan elapsed)
    => Console.WriteLine($"| {what} | {count:N0} | {elapsed.TotalSeconds:F2} | {count / elapsed.TotalSeconds:N0} |");

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
}

string? Text(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
