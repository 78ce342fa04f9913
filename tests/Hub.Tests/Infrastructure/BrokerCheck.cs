using System.Net.Sockets;
using Lsb.Hub.Bus;
using Lsb.Hub.HoldingsSync;
using Lsb.Hub.Ibl;
using RabbitMQ.Client;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>The test run's RabbitMQ: is it there, and removing what one test hub declared on it.</summary>
internal static class BrokerCheck
{
    /// <summary>Null when the broker's AMQP port answers within 30 s; otherwise what is wrong and what to do.</summary>
    public static string? Unreachable(string uri)
    {
        var amqp = new Uri(uri);
        var port = amqp.Port > 0 ? amqp.Port : 5672;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        SocketException? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                if (client.ConnectAsync(amqp.Host, port).Wait(TimeSpan.FromSeconds(5))) return null;
            }
            catch (AggregateException e) when (e.InnerException is SocketException socket) { last = socket; }
            Thread.Sleep(1000);
        }
        return $"RabbitMQ is not reachable at {amqp.Host}:{port} ({last?.SocketErrorCode.ToString() ?? "no answer"}), but {TestBackends.RabbitMqVariable} is set. " +
               $"Start the broker (.ci/run shows how) or unset {TestBackends.RabbitMqVariable} to run the PostgreSQL tests on one node without it.";
    }

    /// <summary>Deletes the queues and the exchange a hub with this queue prefix declares (see BusConfiguration).</summary>
    public static async Task DeleteEntitiesAsync(string uri, string prefix)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in new[] { BusConfiguration.IngestQueue, IblFeature.Queue, HoldingsSyncHeaders.Queue, "dead-letters" })
            await channel.QueueDeleteAsync($"{prefix}-{queue}");
        await channel.ExchangeDeleteAsync($"{prefix}-dwh");
    }
}
