using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.Sip2;

/// <summary>
/// One SIP2 connection: reads CR-terminated requests (a stray LF is ignored), checks AY/AZ (a bad checksum is answered
/// with <c>96</c>), answers <c>97</c> with the last answer again, requires a <c>93</c> login before anything but
/// <c>99</c> (and closes the connection otherwise), and injects the faults in force.
/// </summary>
internal sealed class Sip2Session(TcpClient client, Sip2Responder responder, BrocadeInstallationSpec spec, Sip2Server server)
{
    private const int MaxMessage = 8192;
    private byte[]? _last;
    private bool _loggedIn;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new byte[MaxMessage];
        var length = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0) return;
                length += read;
                int end;
                while ((end = Array.IndexOf(buffer, (byte)'\r', 0, length)) >= 0)
                {
                    var message = Sip2Wire.Encoding.GetString(buffer, 0, end).TrimStart('\n');
                    Array.Copy(buffer, end + 1, buffer, 0, length - end - 1);
                    length -= end + 1;
                    if (!await HandleAsync(stream, message, cancellationToken)) return;
                }
                if (length == buffer.Length) return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away or the server is stopping: the session ends.
        }
    }

    /// <summary>Answers one request; false closes the connection.</summary>
    private async Task<bool> HandleAsync(NetworkStream stream, string message, CancellationToken cancellationToken)
    {
        if (message.Length == 0) return true;
        server.Counted();
        if (server.Faults.Current == Sip2Fault.Hang) return true;
        if (message.StartsWith("97", StringComparison.Ordinal))
        {
            if (_last is not null) await stream.WriteAsync(_last, cancellationToken);
            return true;
        }
        var (body, sequence, valid) = Sip2Wire.Strip(message);
        if (!valid)
        {
            await SendAsync(stream, Encoding.ASCII.GetBytes("96AZ" + Sip2Wire.Checksum("96AZ") + "\r"), remember: false, cancellationToken);
            return true;
        }
        var request = Sip2Request.Parse(body);
        if (request is null) return false;
        string answer;
        switch (request.Code)
        {
            case "93":
                _loggedIn = server.Faults.Current != Sip2Fault.RefuseLogin
                    && Same(request["CN"], spec.SipUser) && Same(request["CO"], spec.SipPassword);
                answer = _loggedIn ? "941" : "940";
                if (_loggedIn) server.LoggedIn();
                break;
            case "99":
                answer = responder.Status(request);
                break;
            default:
                if (!_loggedIn) return false;
                answer = request.Code switch
                {
                    "63" => responder.PatronInformation(request, full: true),
                    "23" => responder.PatronInformation(request, full: false),
                    "17" => responder.ItemInformation(request),
                    "11" => responder.CheckOut(request),
                    "09" => responder.CheckIn(request),
                    "29" => responder.Renew(request),
                    "15" => responder.Hold(request),
                    "35" => responder.EndSession(request),
                    _ => string.Empty,
                };
                if (answer.Length == 0) return false;
                break;
        }
        var sealedAnswer = Sip2Wire.Encoding.GetBytes(Sip2Wire.Seal(answer, sequence) + "\r");
        _last = sealedAnswer;
        if (server.Faults.AnswerDelay is { Ticks: > 0 } delay) await Task.Delay(delay, cancellationToken);
        if (server.Faults.Take(Sip2Fault.DropMidMessage))
        {
            await stream.WriteAsync(sealedAnswer.AsMemory(0, sealedAnswer.Length / 2), cancellationToken);
            return false;
        }
        if (server.Faults.Take(Sip2Fault.StallMidMessage))
        {
            // Half an answer, then silence: the client sees neither the end of the message nor a closed connection.
            await stream.WriteAsync(sealedAnswer.AsMemory(0, sealedAnswer.Length / 2), cancellationToken);
            return true;
        }
        if (sequence is not null && server.Faults.Take(Sip2Fault.CorruptChecksum))
        {
            var corrupt = (byte[])sealedAnswer.Clone();
            corrupt[^2] = corrupt[^2] == (byte)'0' ? (byte)'1' : (byte)'0';
            await SendAsync(stream, corrupt, remember: false, cancellationToken);
            return true;
        }
        await SendAsync(stream, sealedAnswer, remember: true, cancellationToken);
        return true;
    }

    private async Task SendAsync(NetworkStream stream, byte[] bytes, bool remember, CancellationToken cancellationToken)
    {
        if (remember) _last = bytes;
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private static bool Same(string? given, string expected)
        => given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
