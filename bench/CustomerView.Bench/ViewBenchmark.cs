using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.CustomerView.View;
using Lsb.Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.CustomerView.Bench;

/// <summary>
/// Times the customer view for random memberships, one request at a time: the query itself (lookup + view, as the
/// endpoint runs them) and the whole HTTP request through Kestrel on loopback (auth, JSON). After a warm-up.
/// </summary>
public static class ViewBenchmark
{
    public static async Task RunAsync(IServiceProvider services, HttpClient client, int warmup, int queries)
    {
        var database = services.GetRequiredService<HubDatabase>();
        List<(string Id, string Isil)> sample;
        await using (var connection = await database.OpenAsync())
        {
            sample = [.. await connection.QueryAsync<(string, string)>("SELECT id, home_isil FROM members ORDER BY random() LIMIT @n", new { n = warmup + 2 * queries })];
        }
        var query = services.GetRequiredService<CustomerViewQuery>();

        for (var i = 0; i < warmup; i++) await DirectAsync(database, query, sample[i]);

        var direct = new Latencies();
        var threadCpu = new Latencies();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long loans = 0, integral = 0;
        for (var i = warmup; i < warmup + queries; i++)
        {
            var clock = Stopwatch.StartNew();
            var cpu0 = ThreadCpu.Now();
            var view = await DirectAsync(database, query, sample[i]);
            var cpu1 = ThreadCpu.Now();
            direct.Add(clock.Elapsed);
            if (cpu1 > TimeSpan.Zero) threadCpu.Add(cpu1 - cpu0);
            loans += view.CurrentLoans.Count + view.History.Count;
            if (view.Scope == ViewScope.Integral) integral++;
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"view query (lookup + view, in process):  {direct.Summary()}");
        Console.WriteLine($"    process CPU time per query {cpu.TotalMilliseconds / queries:F2} ms; thread CPU time per query: {threadCpu.Summary()}");
        Console.WriteLine($"    {integral * 100.0 / queries:F0}% integral views, {loans / (double)queries:F1} loans per answer on average");

        var http = new Latencies();
        for (var i = warmup + queries; i < warmup + 2 * queries; i++)
        {
            var (id, isil) = sample[i];
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/api/v1/customers/{id}/view?requestingIsil={isil}");
            await using var body = await response.Content.ReadAsStreamAsync();
            using var document = await JsonDocument.ParseAsync(body);
            http.Add(clock.Elapsed);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"view answered {(int)response.StatusCode}: {document.RootElement}");
        }
        Console.WriteLine($"view over HTTP (GET /api/v1/customers/{{id}}/view):  {http.Summary()}");
    }

    // What the endpoint does after authorisation: one connection, the lookup, the view.
    private static async Task<CustomerViewResult> DirectAsync(HubDatabase database, CustomerViewQuery query, (string Id, string Isil) member)
    {
        await using var connection = await database.OpenAsync();
        var customer = await CustomerLookup.FindAsync(connection, null, member.Id, CancellationToken.None)
            ?? throw new InvalidOperationException($"member {member.Id} not found");
        return await query.RunAsync(connection, customer, Isil.Parse(member.Isil), 100, CancellationToken.None);
    }
}
