using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters.Wise.Http;

/// <summary>
/// Adds the <c>WISE_KEY</c> header to every attempt, computed from the installation's current credentials (so a
/// rotated APP-KEY takes effect without a restart). Missing credentials fail the call with a message saying where
/// to put them.
/// </summary>
internal sealed class WiseKeyHandler(InstallationDescriptor installation, IInstallationCredentials credentials, TimeProvider time) : DelegatingHandler
{
    public const string HeaderName = "WISE_KEY";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var values = credentials.Find(installation.CredentialsRef);
        if (values is null || !values.TryGetValue("AppId", out var appId) || !values.TryGetValue("AppKey", out var appKey)
            || string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(appKey))
        {
            throw new IlsProtocolException(
                $"Wise installation '{installation.Id}' has no credentials: set Credentials:{installation.CredentialsRef}:AppId and " +
                $"Credentials:{installation.CredentialsRef}:AppKey (environment: Credentials__{installation.CredentialsRef}__AppId / __AppKey).");
        }
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, WiseKeyCalculator.Compute(appId, appKey, time.GetUtcNow()));
        return base.SendAsync(request, cancellationToken);
    }
}
