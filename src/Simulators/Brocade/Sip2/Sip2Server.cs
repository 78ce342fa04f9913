using System.Net;
using System.Net.Sockets;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.Brocade.State;

namespace Lsb.Hub.Simulators.Brocade.Sip2;

/// <summary>The SIP2 server: accepts TCP connections and runs one <see cref="Sip2Session"/> per connection.</summary>
internal sealed class Sip2Server : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<Task> _sessions = [];
    private readonly Lock _gate = new();
    private readonly Sip2Responder _responder;
    private readonly BrocadeInstallationSpec _spec;
    private long _messages;
    private long _connections;
    private long _logins;

    public Sip2Server(string host, int port, InstallationState state, Sip2Faults faults)
    {
        _listener = new TcpListener(IPAddress.Parse(host), port);
        _listener.Start();
        _responder = new Sip2Responder(state);
        _spec = state.Spec;
        Faults = faults;
        _accepting = Task.Run(AcceptAsync);
    }

    public Sip2Faults Faults { get; }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public long Messages => Interlocked.Read(ref _messages);

    public void Counted() => Interlocked.Increment(ref _messages);

    /// <summary>Connections accepted (also those closed at once by <see cref="Sip2Fault.RejectConnections"/>).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Logins (93) accepted.</summary>
    public long Logins => Interlocked.Read(ref _logins);

    public void LoggedIn() => Interlocked.Increment(ref _logins);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            if (Faults.Current == Sip2Fault.RejectConnections)
            {
                client.Dispose();
                continue;
            }
            var session = new Sip2Session(client, _responder, _spec, this);
            lock (_gate)
            {
                _sessions.RemoveAll(t => t.IsCompleted);
                _sessions.Add(Task.Run(() => session.RunAsync(_stop.Token)));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] sessions;
        lock (_gate) sessions = [.. _sessions];
        await Task.WhenAll(sessions);
        _stop.Dispose();
    }
}
