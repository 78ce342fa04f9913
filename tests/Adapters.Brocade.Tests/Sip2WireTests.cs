using System.Net.Sockets;
using System.Runtime.InteropServices;
using Lsb.Hub.Adapters.Brocade.Sip2;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>
/// The simulator's SIP2 server spoken to byte by byte over TCP, without the adapter's client: requests are written by
/// hand as docs/vendors/brocade.md describes them, and each answer is checked for its code, its sequence number (AY)
/// and its checksum (AZ, over the Windows-1252 bytes; the checksum function is checked against the 3M example in
/// <see cref="Sip2Tests"/>).
/// </summary>
public sealed class Sip2WireTests : IAsyncLifetime
{
    private const string Institution = "DRB";
    private const string Date = "20261201    101500";
    private BrocadeSimulatorHost _simulator = null!;
    private TcpClient _client = null!;
    private NetworkStream _stream = null!;
    private readonly List<byte> _received = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 1, CopiesPerLibrary = 1, LoansPerLibrary = 0 });
        _client = new TcpClient { NoDelay = true };
        await _client.ConnectAsync(_simulator.Installation.SipHost, _simulator.Installation.SipPort, Cancel);
        _stream = _client.GetStream();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_session_of_login_status_patron_status_item_information_and_end_should_be_answered_with_each_request_s_sequence_number_and_a_valid_checksum()
    {
        var member = _simulator.Control.AddMember(new MemberDraft { LibraryCode = Institution, Status = "A", GivenName = "Zoë", FamilyName = "Brüggemann", Fines = 0m });
        var copy = _simulator.Control.AddCopy(new CopyDraft { LibraryCode = Institution, Status = "A", Title = "Café Terminus" });
        var access = _simulator.Installation;

        var login = await ExchangeAsync($"9300CN{access.SipUser}|CO{access.SipPassword}|CPDRB01|", '0');
        Assert.Equal("941", login);

        var status = await ExchangeAsync("9900302.00", '1');
        Assert.StartsWith("98Y", status, StringComparison.Ordinal);
        Assert.Equal("2.00", status.Substring(32, 4));
        Assert.Contains($"|AO{Institution}|", "|" + status[36..], StringComparison.Ordinal);

        var patron = await ExchangeAsync($"23000{Date}AO{Institution}|AA{member.CardNumber}|AC|AD|", '2');
        Assert.StartsWith("24", patron, StringComparison.Ordinal);
        Assert.Equal(new string(' ', 14), patron.Substring(2, 14));
        Assert.Contains($"|AA{member.CardNumber}|AEZoë Brüggemann|BLY|", patron, StringComparison.Ordinal);

        var item = await ExchangeAsync($"17{Date}AO{Institution}|AB{copy.Barcode}|AC|", '3');
        Assert.StartsWith("1803", item, StringComparison.Ordinal);
        Assert.Contains($"AB{copy.Barcode}|AJCafé Terminus|", item, StringComparison.Ordinal);

        var end = await ExchangeAsync($"35{Date}AO{Institution}|AA{member.CardNumber}|", '4');
        Assert.StartsWith("36Y", end, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_request_arrives_with_a_bad_checksum_The_server_should_answer_96_and_answer_the_request_sent_again_intact()
    {
        var access = _simulator.Installation;
        Assert.Equal("941", await ExchangeAsync($"9300CN{access.SipUser}|CO{access.SipPassword}|", '0'));

        var upToAz = "9900302.00AY1AZ";
        var good = Sip2Checksum.Compute(upToAz, Windows1252.Encoding);
        var bad = good == "0000" ? "0001" : "0000";
        await SendAsync(upToAz + bad);
        var resend = await ReadAnswerAsync();
        Assert.StartsWith("96", resend, StringComparison.Ordinal);
        AssertChecksum(resend);
        Assert.StartsWith("98", await ExchangeAsync("9900302.00", '1'), StringComparison.Ordinal);

        // 97 asks for the last answer again: the same bytes, sequence number and all.
        await SendAsync("97");
        var again = await ReadAnswerAsync();
        Assert.StartsWith("98", again, StringComparison.Ordinal);
        Assert.Equal('1', SequenceOf(again));
    }

    /// <summary>Sends a request with AY/AZ and returns the answer's body (before AY), after checking sequence and checksum.</summary>
    private async Task<string> ExchangeAsync(string body, char sequence)
    {
        var upToAz = $"{body}AY{sequence}AZ";
        await SendAsync(upToAz + Sip2Checksum.Compute(upToAz, Windows1252.Encoding));
        var answer = await ReadAnswerAsync();
        Assert.Equal(sequence, SequenceOf(answer));
        AssertChecksum(answer);
        return answer[..answer.LastIndexOf("AY", StringComparison.Ordinal)];
    }

    private async Task SendAsync(string message) => await _stream.WriteAsync(Windows1252.Encoding.GetBytes(message + "\r"), Cancel);

    /// <summary>Reads up to the CR that ends an answer (within 10 s: a server that does not answer fails the test).</summary>
    private async Task<string> ReadAnswerAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var chunk = new byte[1024];
        int end;
        while ((end = _received.IndexOf((byte)'\r')) < 0)
        {
            var read = await _stream.ReadAsync(chunk, timeout.Token);
            Assert.True(read > 0, "The SIP2 server closed the connection instead of answering.");
            _received.AddRange(chunk[..read]);
        }
        var answer = Windows1252.Encoding.GetString(CollectionsMarshal.AsSpan(_received)[..end]);
        _received.RemoveRange(0, end + 1);
        return answer;
    }

    private static char SequenceOf(string answer)
    {
        var ay = answer.LastIndexOf("AY", StringComparison.Ordinal);
        Assert.True(ay >= 0 && ay + 2 < answer.Length && char.IsAsciiDigit(answer[ay + 2]), $"'{answer}' carries no sequence number AY.");
        return answer[ay + 2];
    }

    private static void AssertChecksum(string answer)
    {
        var az = answer.LastIndexOf("AZ", StringComparison.Ordinal);
        Assert.True(az >= 0 && az == answer.Length - 6, $"'{answer}' does not end in AZ and four hex digits.");
        Assert.Equal(Sip2Checksum.Compute(answer[..(az + 2)], Windows1252.Encoding), answer[(az + 2)..]);
    }
}
