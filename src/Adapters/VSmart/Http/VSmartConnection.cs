using System.Net;
using Lsb.Hub.Canonical.Installations;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Lsb.Hub.Adapters.VSmart.Http;

/// <summary>
/// One installation's typed client, circuit and error classification: transient faults become
/// <see cref="IlsUnavailableException"/>, refused credentials or a wrong address <see cref="IlsProtocolException"/>.
/// </summary>
internal sealed class VSmartConnection(InstallationDescriptor installation, IVSmartApi api, CircuitBreakerStateProvider circuit, VSmartAdapterOptions options)
{
    public InstallationDescriptor Installation { get; } = installation;

    public IVSmartApi Api { get; } = api;

    public CircuitState CircuitState => circuit.CircuitState;

    public VSmartAdapterOptions Options { get; } = options;

    public string Name => $"V-smart installation '{Installation.Id}'";

    /// <summary>Sends a call, turning transport failures into <see cref="IlsUnavailableException"/> (whose inner exception is
    /// the Polly or socket exception that caused it).</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<IVSmartApi, CancellationToken, Task<HttpResponseMessage>> call, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await call(Api, cancellationToken);
        }
        catch (Exception e) when (Unavailable(e is ApiRequestException { InnerException: { } inner } ? inner : e, what, cancellationToken) is { } unavailable)
        {
            throw unavailable;
        }
        catch (ApiRequestException e) when (e.InnerException is IlsProtocolException protocol)
        {
            // Missing credentials, found by the credentials handler before anything was sent.
            throw new IlsProtocolException(protocol.Message, protocol);
        }
    }

    /// <summary>Sends a read and returns the response when it is a success; failures throw.</summary>
    public async Task<HttpResponseMessage> ReadAsync(Func<IVSmartApi, CancellationToken, Task<HttpResponseMessage>> call, string what, CancellationToken cancellationToken)
    {
        var response = await SendAsync(call, what, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw await FailureAsync(response, what, cancellationToken);
        }
    }

    /// <summary>What a non-success answer means: refused credentials and wrong addresses need a person, 5xx is transient.</summary>
    public async Task<Exception> FailureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length > 200 ? text[..200] + "…" : text;
        var status = $"HTTP {(int)response.StatusCode}";
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return CredentialsRefused($"{status}: {body}", what);
        if (VSmartResilience.IsTransient(response.StatusCode))
            return new IlsUnavailableException($"{Name} kept failing while {what} ({status}: {body}), also after {Options.MaxRetryAttempts} retries.");
        return new IlsProtocolException($"{Name} refused a call while {what} ({status}: {body}): check the installation's endpoint ({Installation.Endpoint}) " +
            $"and the paths in {VSmartAdapterOptions.Section} (OaiPath, NcipPath, BorrowerChangesPath, LoanChangesPath).");
    }

    public IlsProtocolException CredentialsRefused(string detail, string what)
        => new($"{Name} refused the hub's credentials while {what} ({detail}). Check Credentials:{Installation.CredentialsRef}:Username and " +
            "Password for this installation and environment.");

    public IlsProtocolException Unreadable(string what, Exception? inner)
        => new($"{Name} answered with XML that cannot be read while {what}" + (inner is null ? "." : $": {inner.Message}") +
            " Nothing was read; ask the installation's administrator to check the V-smart web services.", inner);

    private IlsUnavailableException? Unavailable(Exception cause, string what, CancellationToken cancellationToken) => cause switch
    {
        BrokenCircuitException => new IlsUnavailableException(
            $"{Name} is not being called while {what}: its circuit is open after repeated failures. " +
            $"A trial call is let through after {Options.CircuitBreakDuration.TotalSeconds:0.#} s.", cause),
        TimeoutRejectedException => new IlsUnavailableException(
            $"{Name} did not answer within {Options.AttemptTimeout.TotalSeconds:0.###} s while {what}.", cause),
        HttpRequestException => new IlsUnavailableException(
            $"{Name} could not be reached at {Installation.Endpoint} while {what}: {cause.Message}", cause),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new IlsUnavailableException(
            $"{Name} dropped the call while {what}.", cause),
        _ => null,
    };
}
