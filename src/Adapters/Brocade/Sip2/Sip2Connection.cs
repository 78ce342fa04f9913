using System.Net.Sockets;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>
/// One logged-in SIP2 connection. Each request gets the next sequence number (AY0…AY9) and a checksum (AZ); each answer
/// must carry the same sequence number and a valid checksum, else it is asked again with <c>97</c>. A <c>96</c> (the
/// server could not read the request) sends the request again. Not thread-safe: the pool lends it to one caller at a time.
/// </summary>
internal sealed class Sip2Connection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Encoding _encoding;
    private readonly int _resendAttempts;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _length;
    private int _sequence;

    private Sip2Connection(TcpClient client, Encoding encoding, int resendAttempts)
    {
        _client = client;
        _stream = client.GetStream();
        _encoding = encoding;
        _resendAttempts = resendAttempts;
    }

    /// <summary>Connects and logs in with 93; 940 throws <see cref="Sip2LoginRefusedException"/>.</summary>
    public static async Task<Sip2Connection> OpenAsync(string host, int port, Encoding encoding, int resendAttempts, BrocadeCredentials credentials,
        CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
        }
        catch (SocketException e)
        {
            client.Dispose();
            throw new Sip2TransportException($"the SIP2 server at {host}:{port} refused the connection ({e.SocketErrorCode})", sent: false, e);
        }
        var connection = new Sip2Connection(client, encoding, resendAttempts);
        try
        {
            var login = new StringBuilder("9300").Append("CN").Append(credentials.SipUser).Append("|CO").Append(credentials.SipPassword).Append('|');
            if (credentials.SipLocation is { Length: > 0 } location) login.Append("CP").Append(location).Append('|');
            var answer = await connection.ExchangeAsync(login.ToString(), dispatch: null, cancellationToken);
            if (answer.Code != "94") throw new Sip2GarbledException($"the SIP2 server answered the login with '{answer.Raw}' instead of 94");
            if (!answer.Ok) throw new Sip2LoginRefusedException("the SIP2 server refused the login (940)");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>False when the server has closed the connection while it was idle in the pool.</summary>
    public bool IsUsable
    {
        get
        {
            try
            {
                var socket = _client.Client;
                return socket.Connected && !(socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    /// <summary>Sends one request body (without AY/AZ) and returns the verified answer; marks <paramref name="dispatch"/> just
    /// before the request is written.</summary>
    public async Task<Sip2Response> ExchangeAsync(string body, Sip2Dispatch? dispatch, CancellationToken cancellationToken)
    {
        var sequence = (char)('0' + (_sequence++ % 10));
        var upToAz = $"{body}AY{sequence}AZ";
        var request = _encoding.GetBytes(upToAz + Sip2Checksum.Compute(upToAz, _encoding) + "\r");
        var sent = false;
        try
        {
            dispatch?.Sending();
            await _stream.WriteAsync(request, cancellationToken);
            sent = true;
            for (var attempt = 0; ; attempt++)
            {
                var line = await ReadLineAsync(cancellationToken);
                if (line.StartsWith("96", StringComparison.Ordinal))
                {
                    if (attempt >= _resendAttempts) throw new Sip2GarbledException($"the SIP2 server could not read the request {_resendAttempts + 1} times (96)");
                    await _stream.WriteAsync(request, cancellationToken);
                    continue;
                }
                var (answer, problem) = Verify(line, sequence);
                if (answer is not null) return answer;
                if (attempt >= _resendAttempts) throw new Sip2GarbledException($"the SIP2 answer stayed unreadable after {_resendAttempts} resend requests (97): {problem}");
                await _stream.WriteAsync(_encoding.GetBytes("97\r"), cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new Sip2TransportException(sent ? "the SIP2 connection broke before the answer was complete" : "the SIP2 connection broke before the request went out", sent, e);
        }
    }

    private (Sip2Response? Answer, string? Problem) Verify(string line, char sequence)
    {
        var az = line.LastIndexOf("AZ", StringComparison.Ordinal);
        if (az < 3 || az != line.Length - 6 || line[az - 3] != 'A' || line[az - 2] != 'Y')
            return (null, $"no AY/AZ error detection in '{line}'");
        var expected = Sip2Checksum.Compute(line[..(az + 2)], _encoding);
        if (!string.Equals(expected, line[(az + 2)..], StringComparison.OrdinalIgnoreCase))
            return (null, $"checksum {line[(az + 2)..]} where {expected} was expected");
        if (line[az - 1] != sequence) return (null, $"sequence number {line[az - 1]} where {sequence} was expected");
        var response = Sip2Response.Parse(line[..(az - 3)]);
        return response is null ? (null, $"an answer of unknown shape '{line}'") : (response, null);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = Array.IndexOf(_buffer, (byte)'\r', 0, _length);
            if (end >= 0)
            {
                var line = _encoding.GetString(_buffer, 0, end).TrimStart('\n');
                Array.Copy(_buffer, end + 1, _buffer, 0, _length - end - 1);
                _length -= end + 1;
                return line;
            }
            if (_length == _buffer.Length) throw new IOException("the SIP2 answer is longer than 16 KiB without a CR");
            var read = await _stream.ReadAsync(_buffer.AsMemory(_length), cancellationToken);
            if (read == 0) throw new IOException("the SIP2 server closed the connection");
            _length += read;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
