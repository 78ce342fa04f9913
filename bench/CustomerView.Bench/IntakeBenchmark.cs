using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Lsb.Hub.CustomerView.Bench;

/// <summary>
/// Posts batches of 1,000 e-book loan events, one request at a time, as the KB platform would: alternately a batch of
/// loan starts for random known members (by home ISIL and card number) and a batch ending the loans of the batch
/// before. Bodies are serialised before timing; the time is the hub's (HTTP, validation, member lookup, loans,
/// canonical events, one transaction per batch).
/// </summary>
public static class IntakeBenchmark
{
    private const int BatchSize = 1000;

    public static async Task RunAsync(IServiceProvider services, HttpClient client, int batches)
    {
        var database = services.GetRequiredService<HubDatabase>();
        List<(string Isil, string Card)> members;
        await using (var connection = await database.OpenAsync())
        {
            members = [.. await connection.QueryAsync<(string, string)>("SELECT home_isil, card_number FROM members ORDER BY random() LIMIT @n",
                new { n = (batches + 4) / 2 * BatchSize })];
        }
        var run = Guid.NewGuid().ToString("N")[..8];
        var bodies = new List<byte[]>();
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        for (var b = 0; b < batches + 4; b++)
        {
            var started = b % 2 == 0;
            var pair = b / 2;
            var events = Enumerable.Range(0, BatchSize).Select(i =>
            {
                var (isil, card) = members[pair * BatchSize + i];
                var loanId = $"bench-{run}-{pair}-{i}";
                return started
                    ? (object)new { eventId = loanId + "-s", type = "started", loanId, homeIsil = isil, cardNumber = card, isbn = "9789023466123", title = "De avonden",
                        occurredAt = start, startedAt = start, dueAt = start.AddDays(21) }
                    : new { eventId = loanId + "-e", type = "ended", loanId, homeIsil = isil, cardNumber = card, isbn = "9789023466123",
                        occurredAt = start.AddDays(1), endedAt = start.AddDays(1) };
            }).ToArray();
            bodies.Add(JsonSerializer.SerializeToUtf8Bytes(new { events }));
        }

        for (var b = 0; b < 4; b++) await PostAsync(client, bodies[b]); // warm-up: JIT and caches
        var latencies = new Latencies();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var b = 4; b < bodies.Count; b++)
        {
            var one = Stopwatch.StartNew();
            await PostAsync(client, bodies[b]);
            latencies.Add(one.Elapsed);
        }
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var total = (long)batches * BatchSize;
        Console.WriteLine($"digital-loan intake: {total:N0} events in {batches} batches of {BatchSize:N0} in {elapsed.TotalSeconds:F2} s = {total / elapsed.TotalSeconds:N0} events/s");
        Console.WriteLine($"    per batch: {latencies.Summary()}");
        // On a shared machine wall time depends on everyone else; CPU time (client and hub, this process) much less.
        Console.WriteLine($"    process CPU time {cpu.TotalSeconds:F2} s = {total / cpu.TotalSeconds:N0} events per CPU-second (client included)");
    }

    private static async Task PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/api/v1/digital-loans", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"intake answered {(int)response.StatusCode}: {text}");
        using var answer = JsonDocument.Parse(text);
        if (answer.RootElement.GetProperty("accepted").GetInt32() != BatchSize)
            throw new InvalidOperationException($"intake did not accept the whole batch: {text[..Math.Min(600, text.Length)]}");
    }
}
