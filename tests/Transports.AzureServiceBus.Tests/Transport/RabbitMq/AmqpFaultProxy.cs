using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport.RabbitMq;

/// <summary>
/// A TCP proxy between one test node and RabbitMQ that reads the AMQP 0-9-1 frames the node sends, so a test can break
/// what the transport contract needs broken: drop the node's acknowledgements (<c>basic.ack</c>) while everything else
/// flows, cut the connection that carries the node's next publishes (<c>basic.publish</c>), or cut every connection
/// and refuse new ones, as if the process had died. Frames from the broker pass unread.
/// </summary>
public sealed class AmqpFaultProxy : IAsyncDisposable
{
    private const byte MethodFrame = 1;
    private const ushort BasicClass = 60;
    private const ushort PublishMethod = 40;
    private const ushort AckMethod = 80;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _brokerHost;
    private readonly int _brokerPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly Task _accepting;
    private volatile bool _dead;
    private volatile bool _dropAcks;
    private int _publishesToRefuse;
    private int _droppedAcks;
    private int _forwardedAcks;

    public AmqpFaultProxy(Uri broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        _brokerHost = broker.Host;
        _brokerPort = broker.Port > 0 ? broker.Port : 5672;
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>The port the node connects to instead of the broker's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Acknowledgements dropped so far.</summary>
    public int DroppedAcks => Volatile.Read(ref _droppedAcks);

    /// <summary>Acknowledgements passed to the broker so far.</summary>
    public int ForwardedAcks => Volatile.Read(ref _forwardedAcks);

    /// <summary>Drops (true) or passes (false) the node's acknowledgements from now on.</summary>
    public bool DropAcks
    {
        get => _dropAcks;
        set => _dropAcks = value;
    }

    /// <summary>The next <paramref name="count"/> publishes each cut the connection they travel on, unsent.</summary>
    public void RefusePublishes(int count) => Interlocked.Exchange(ref _publishesToRefuse, count);

    /// <summary>Cuts every connection; the node may connect again.</summary>
    public void CutAll()
    {
        foreach (var link in _links.Keys) link.Close();
    }

    /// <summary>Cuts every connection and refuses new ones: the node is gone.</summary>
    public void Kill()
    {
        _dead = true;
        CutAll();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(cancellationToken); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            if (_dead)
            {
                client.Dispose();
                continue;
            }
            var broker = new TcpClient();
            try { await broker.ConnectAsync(_brokerHost, _brokerPort, cancellationToken); }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                broker.Dispose();
                continue;
            }
            var link = new Link(client, broker);
            _links[link] = 0;
            _ = Task.WhenAll(ToBrokerAsync(link), ToNodeAsync(link)).ContinueWith(_ => _links.TryRemove(link, out var _), TaskScheduler.Default);
        }
    }

    private static async Task ToNodeAsync(Link link)
    {
        try { await link.Broker.GetStream().CopyToAsync(link.Client.GetStream()); }
        catch (Exception e) when (IsConnectionEnd(e)) { }
        link.Close();
    }

    private async Task ToBrokerAsync(Link link)
    {
        try
        {
            var from = link.Client.GetStream();
            var to = link.Broker.GetStream();
            var protocolHeader = new byte[8];
            await from.ReadExactlyAsync(protocolHeader);
            await to.WriteAsync(protocolHeader);
            var header = new byte[7];
            while (true)
            {
                await from.ReadExactlyAsync(header);
                var frame = new byte[header.Length + BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(3)) + 1];
                header.CopyTo(frame, 0);
                await from.ReadExactlyAsync(frame.AsMemory(header.Length));
                switch (MethodOf(frame))
                {
                    case AckMethod when _dropAcks:
                        Interlocked.Increment(ref _droppedAcks);
                        continue;
                    case AckMethod:
                        Interlocked.Increment(ref _forwardedAcks);
                        break;
                    case PublishMethod when TryTakeRefusal():
                        link.Close();
                        return;
                }
                await to.WriteAsync(frame);
            }
        }
        catch (Exception e) when (IsConnectionEnd(e)) { }
        link.Close();
    }

    private bool TryTakeRefusal()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _publishesToRefuse);
            if (left <= 0) return false;
        } while (Interlocked.CompareExchange(ref _publishesToRefuse, left - 1, left) != left);
        return true;
    }

    /// <summary>The method id of a <c>basic</c> class method frame, else 0.</summary>
    private static ushort MethodOf(byte[] frame) =>
        frame[0] == MethodFrame && frame.Length >= 12 && BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(7)) == BasicClass
            ? BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(9))
            : (ushort)0;

    private static bool IsConnectionEnd(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException or EndOfStreamException or InvalidOperationException;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Kill();
        await _accepting;
        _stop.Dispose();
    }

    private sealed class Link(TcpClient client, TcpClient broker)
    {
        public TcpClient Client { get; } = client;
        public TcpClient Broker { get; } = broker;

        public void Close()
        {
            Client.Dispose();
            Broker.Dispose();
        }
    }
}
