using System.Net.Http.Headers;
using System.Text;
using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters.VSmart.Http;

/// <summary>
/// Adds HTTP Basic authentication to every attempt from the installation's current credentials (<c>Username</c>,
/// <c>Password</c>), so a changed password takes effect without a restart. Missing credentials fail the call with a
/// message saying where to put them. The password is NEVER logged.
/// </summary>
internal sealed class VSmartCredentialsHandler(InstallationDescriptor installation, IInstallationCredentials credentials) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var values = credentials.Find(installation.CredentialsRef);
        if (values is null || !values.TryGetValue("Username", out var user) || !values.TryGetValue("Password", out var password)
            || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
        {
            throw new IlsProtocolException(
                $"V-smart installation '{installation.Id}' has no credentials: set Credentials:{installation.CredentialsRef}:Username and " +
                $"Credentials:{installation.CredentialsRef}:Password (environment: Credentials__{installation.CredentialsRef}__Username / __Password).");
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return base.SendAsync(request, cancellationToken);
    }
}
