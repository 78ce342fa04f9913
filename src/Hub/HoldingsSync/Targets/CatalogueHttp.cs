namespace Lsb.Hub.HoldingsSync.Targets;

/// <summary>
/// The one HTTP client the catalogue targets share: pooled connections recycled every two minutes (DNS changes are
/// seen), no client-wide timeout (each call passes its own), absolute request URIs.
/// </summary>
public sealed class CatalogueHttp : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Sends <paramref name="request"/>, cancelled after <paramref name="timeout"/>; a timeout surfaces as
    /// <see cref="HttpRequestException"/> (retryable), a cancellation by the caller as <see cref="OperationCanceledException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await _client.SendAsync(request, completion, deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"{request.Method} {request.RequestUri} took longer than {timeout.TotalSeconds:F0} s.", e);
        }
    }

    /// <summary><paramref name="path"/> under <paramref name="baseUrl"/>, whether or not the base ends with a slash.</summary>
    public static Uri Resolve(Uri baseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.OriginalString;
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), path);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
