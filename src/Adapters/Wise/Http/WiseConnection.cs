using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lsb.Hub.Canonical.Installations;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Lsb.Hub.Adapters.Wise.Http;

/// <summary>
/// One installation's typed client, circuit and error classification for reads: transient faults become
/// <see cref="IlsUnavailableException"/>, a refused WISE_KEY or an unreadable answer <see cref="IlsProtocolException"/>.
/// </summary>
internal sealed class WiseConnection(InstallationDescriptor installation, IWiseApi api, CircuitBreakerStateProvider circuit, WiseAdapterOptions options)
{
    public InstallationDescriptor Installation { get; } = installation;

    public IWiseApi Api { get; } = api;

    public CircuitState CircuitState => circuit.CircuitState;

    public WiseAdapterOptions Options { get; } = options;

    /// <summary>Sends a call, turning transport failures into <see cref="IlsUnavailableException"/> (whose inner exception is
    /// the Polly or socket exception that caused it).</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<IWiseApi, CancellationToken, Task<HttpResponseMessage>> call, string what, CancellationToken cancellationToken)
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
            // Missing credentials, found by the WISE_KEY handler before anything was sent.
            throw new IlsProtocolException(protocol.Message, protocol);
        }
    }

    private IlsUnavailableException? Unavailable(Exception cause, string what, CancellationToken cancellationToken) => cause switch
    {
        BrokenCircuitException => new IlsUnavailableException(
            $"Wise installation '{Installation.Id}' is not being called while {what}: its circuit is open after repeated failures. " +
            $"A trial call is let through after {Options.CircuitBreakDuration.TotalSeconds:0.#} s.", cause),
        TimeoutRejectedException => new IlsUnavailableException(
            $"Wise installation '{Installation.Id}' did not answer within {Options.AttemptTimeout.TotalSeconds:0.###} s while {what}.", cause),
        HttpRequestException => new IlsUnavailableException(
            $"Wise installation '{Installation.Id}' could not be reached at {Installation.Endpoint} while {what}: {cause.Message}", cause),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => new IlsUnavailableException(
            $"Wise installation '{Installation.Id}' dropped the call while {what}.", cause),
        _ => null,
    };

    /// <summary>Sends a read and returns its body as a parsed document; non-success answers throw.</summary>
    public async Task<JsonDocument> ReadDocumentAsync(Func<IWiseApi, CancellationToken, Task<HttpResponseMessage>> call, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call, what, cancellationToken);
        await EnsureSuccessAsync(response, what, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonDocument.ParseAsync(body, default, cancellationToken);
        }
        catch (JsonException e)
        {
            throw Unreadable(what, e);
        }
    }

    /// <summary>Sends a read and returns its body as read, in a buffer rented from the shared pool (a feed page of 1,000
    /// records is ≈ 600 KB: a new array per page would be a large object); non-success answers throw.</summary>
    public async Task<PooledBody> ReadBodyAsync(Func<IWiseApi, CancellationToken, Task<HttpResponseMessage>> call, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call, what, cancellationToken);
        await EnsureSuccessAsync(response, what, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await PooledBody.ReadAsync(body, response.Content.Headers.ContentLength, cancellationToken);
    }

    /// <summary>Sends a read and deserializes its body; non-success answers throw.</summary>
    public async Task<T> ReadAsync<T>(Func<IWiseApi, CancellationToken, Task<HttpResponseMessage>> call, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(call, what, cancellationToken);
        await EnsureSuccessAsync(response, what, cancellationToken);
        return await ParseAsync(response, type, what, cancellationToken);
    }

    /// <summary>Deserializes a success body, or throws <see cref="IlsProtocolException"/> saying what could not be read.</summary>
    public async Task<T> ParseAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            return await JsonSerializer.DeserializeAsync(body, type, cancellationToken) ?? throw Unreadable(what, null);
        }
        catch (JsonException e)
        {
            throw Unreadable(what, e);
        }
    }

    public IlsProtocolException Unreadable(string what, Exception? inner)
        => new($"Wise installation '{Installation.Id}' answered with malformed JSON while {what}" +
            (inner is null ? "." : $": {inner.Message}") + " Nothing was read; ask the installation's administrator to check the Wise API.", inner);

    public IlsProtocolException KeyRefused(WiseFailure failure, string what)
        => new($"Wise installation '{Installation.Id}' refused the WISE_KEY while {what} ({failure}). Check Credentials:{Installation.CredentialsRef}:AppId " +
            "and AppKey for this installation and environment (PROD and TEST keys differ) and that proxies pass headers with underscores.");

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var failure = await WiseFailure.ReadAsync(response, cancellationToken);
        if (failure.IsKeyRefused) throw KeyRefused(failure, what);
        if (WiseResilience.IsTransient(response.StatusCode))
            throw new IlsUnavailableException($"Wise installation '{Installation.Id}' kept failing while {what} ({failure}), also after {Options.MaxRetryAttempts} retries.");
        throw new IlsProtocolException($"Wise installation '{Installation.Id}' refused a read while {what} ({failure}): check the library ids registered for this installation.");
    }
}
