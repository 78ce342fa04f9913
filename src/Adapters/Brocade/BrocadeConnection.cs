using System.Text;
using Lsb.Hub.Adapters.Brocade.Sip2;
using Lsb.Hub.Canonical.Installations;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lsb.Hub.Adapters.Brocade;

/// <summary>
/// Everything that reaches one Brocade installation: its SIP2 connection pool and its export folder, both through
/// the installation's resilience pipeline. Turns transport faults into <see cref="IlsUnavailableException"/> and
/// refused credentials or unreadable answers into <see cref="IlsProtocolException"/>.
/// </summary>
internal sealed class BrocadeConnection : IAsyncDisposable
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _circuit;
    private readonly IInstallationCredentials _credentials;
    private readonly Sip2ConnectionPool _pool;

    public BrocadeConnection(InstallationDescriptor installation, BrocadeAdapterOptions options, IInstallationCredentials credentials, TimeProvider time)
    {
        Installation = installation;
        Options = options;
        Endpoint = BrocadeEndpoint.Parse(installation);
        _credentials = credentials;
        _circuit = new CircuitBreakerStateProvider();
        _pipeline = BrocadeResilience.Build(options, _circuit, time);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(options.SipEncoding);
        _pool = new Sip2ConnectionPool(Endpoint, encoding, options, Credentials);
    }

    public InstallationDescriptor Installation { get; }

    public BrocadeAdapterOptions Options { get; }

    public BrocadeEndpoint Endpoint { get; }

    public string Id => Installation.Id.Value;

    public CircuitState CircuitState => _circuit.CircuitState;

    /// <summary>The credentials, or <see cref="IlsProtocolException"/> saying which entries to set.</summary>
    public BrocadeCredentials Credentials()
        => BrocadeCredentials.Find(_credentials, Installation.CredentialsRef) ?? throw new IlsProtocolException(BrocadeCredentials.Missing(Id, Installation.CredentialsRef));

    /// <summary>The export key, if the installation signs its markers.</summary>
    public string? ExportKey => BrocadeCredentials.Find(_credentials, Installation.CredentialsRef)?.ExportKey;

    /// <summary>One SIP2 exchange. <paramref name="changes"/>: the request changes something, so it is NEVER sent twice; when
    /// its answer is lost it throws <see cref="Sip2AnswerLostException"/>, but only if the request may have gone out.</summary>
    public async Task<Sip2Response> SipAsync(string body, bool changes, string what, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(BrocadeResilience.Retryable, !changes);
        var dispatch = new Sip2Dispatch();
        try
        {
            return await _pipeline.ExecuteAsync(async (ctx, state) => await state.Pool.ExchangeAsync(body, state.Dispatch, ctx.CancellationToken),
                context, (Pool: _pool, Dispatch: dispatch));
        }
        catch (Exception e) when (Translate(e, changes && dispatch.MayHaveGoneOut, what, cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>A look at the export folder (listing, markers), with the attempt timeout: a hung network share times out.</summary>
    public async Task<T> FolderAsync<T>(Func<T> work, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await Task.Run(work, CancellationToken.None).WaitAsync(ct), cancellationToken);
        }
        catch (Exception e) when (Translate(e, changes: false, what, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private Exception? Translate(Exception e, bool changes, string what, CancellationToken cancellationToken) => e switch
    {
        BrokenCircuitException => new IlsUnavailableException(
            $"Brocade installation '{Id}' is not being called while {what}: its circuit is open after repeated failures. A trial call is let through after {Options.CircuitBreakDuration.TotalSeconds:0.#} s.", e),
        TimeoutRejectedException when changes => new Sip2AnswerLostException(
            $"Brocade installation '{Id}' did not answer within {Options.AttemptTimeout.TotalSeconds:0.###} s while {what}.", e),
        TimeoutRejectedException => new IlsUnavailableException(
            $"Brocade installation '{Id}' did not answer within {Options.AttemptTimeout.TotalSeconds:0.###} s while {what}.", e),
        Sip2TransportException { Sent: true } when changes => new Sip2AnswerLostException($"Brocade installation '{Id}': {e.Message} while {what}.", e),
        Sip2TransportException => new IlsUnavailableException(
            $"Brocade installation '{Id}' could not be reached at {Endpoint.Host}:{Endpoint.Port} while {what}: {e.Message}.", e),
        Sip2LoginRefusedException => new IlsProtocolException(
            $"Brocade installation '{Id}' refused the SIP2 login while {what}: check Credentials:{Installation.CredentialsRef}:SipUser and SipPassword.", e),
        Sip2GarbledException => new IlsProtocolException($"Brocade installation '{Id}' answered unreadably while {what}: {e.Message}. Nothing was changed by the hub; ask its administrator to check the SIP2 server.", e),
        DirectoryNotFoundException => new IlsUnavailableException(
            $"Brocade installation '{Id}': the export folder {Endpoint.ExportFolder} is not there while {what} (a network share not mounted?). The hub tries again.", e),
        UnauthorizedAccessException => new IlsProtocolException(
            $"Brocade installation '{Id}': the hub may not read the export folder {Endpoint.ExportFolder} while {what}: give its service account read access.", e),
        IOException => new IlsUnavailableException($"Brocade installation '{Id}': the export folder {Endpoint.ExportFolder} could not be read while {what}: {e.Message}", e),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new IlsUnavailableException($"Brocade installation '{Id}' dropped the call while {what}.", e),
        _ => null,
    };

    public ValueTask DisposeAsync() => _pool.DisposeAsync();
}
