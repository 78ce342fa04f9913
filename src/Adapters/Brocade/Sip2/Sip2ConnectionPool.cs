using System.Collections.Concurrent;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>
/// The SIP2 connections of one installation: at most <see cref="BrocadeAdapterOptions.SipConnectionsPerInstallation"/>,
/// each logged in once and reused. A connection the server closed while idle is dropped before use; a connection whose
/// exchange failed is closed and never reused (the next use connects and logs in anew).
/// </summary>
internal sealed class Sip2ConnectionPool(BrocadeEndpoint endpoint, Encoding encoding, BrocadeAdapterOptions options, Func<BrocadeCredentials> credentials) : IAsyncDisposable
{
    private readonly ConcurrentBag<Sip2Connection> _idle = [];
    private readonly SemaphoreSlim _slots = new(options.SipConnectionsPerInstallation, options.SipConnectionsPerInstallation);

    /// <summary>One request on a pooled (or new, logged-in) connection; <paramref name="dispatch"/> is marked just before the
    /// request itself is written, so waiting for a connection, connecting and logging in leave it unmarked.</summary>
    public async Task<Sip2Response> ExchangeAsync(string body, Sip2Dispatch dispatch, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var connection = TakeIdle() ?? await Sip2Connection.OpenAsync(endpoint.Host, endpoint.Port, encoding, options.SipResendAttempts, credentials(), cancellationToken);
            try
            {
                var answer = await connection.ExchangeAsync(body, dispatch, cancellationToken);
                _idle.Add(connection);
                return answer;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private Sip2Connection? TakeIdle()
    {
        while (_idle.TryTake(out var connection))
        {
            if (connection.IsUsable) return connection;
            _ = connection.DisposeAsync();
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection)) await connection.DisposeAsync();
        _slots.Dispose();
    }
}
