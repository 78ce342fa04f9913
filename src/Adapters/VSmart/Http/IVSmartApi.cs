using Refit;

namespace Lsb.Hub.Adapters.VSmart.Http;

/// <summary>
/// V-smart's services as the adapter uses them (docs/vendors/vsmart.md), at paths relative to the installation's
/// endpoint (<see cref="VSmartAdapterOptions"/>). Every call returns the raw response: the adapter classifies status
/// codes itself and keeps records exactly as read.
/// </summary>
internal interface IVSmartApi
{
    /// <summary>OAI-PMH Identify (health check).</summary>
    [Get("/{**path}")]
    Task<HttpResponseMessage> Identify(string path, string verb, CancellationToken cancellationToken);

    /// <summary>OAI-PMH ListRecords: the first request (prefix, from, set) or a resumption (token alone).</summary>
    [Get("/{**path}")]
    Task<HttpResponseMessage> ListRecords(string path, string verb, string? metadataPrefix, string? from, string? set, string? resumptionToken,
        CancellationToken cancellationToken);

    /// <summary>A web-service change feed: entries after a change number.</summary>
    [Get("/{**path}")]
    Task<HttpResponseMessage> Changes(string path, long after, int max, CancellationToken cancellationToken);

    /// <summary>One NCIP message. <paramref name="retryable"/>: the service only reads (LookupUser, LookupItem), so a
    /// timed-out attempt may be sent again.</summary>
    [Post("/{**path}")]
    Task<HttpResponseMessage> Ncip(string path, [Body] HttpContent message, [Property(VSmartResilience.RetryableKey)] bool retryable,
        CancellationToken cancellationToken);
}
