namespace Lsb.Hub.Adapters.Brocade;

/// <summary>
/// An installation's secrets, read on every use (a rotated password takes effect at once): <c>SipUser</c> and
/// <c>SipPassword</c> for the SIP2 login (93 CN/CO), optional <c>SipLocation</c> (CP), optional <c>ExportKey</c> that
/// signs the export markers. NEVER logged.
/// </summary>
internal sealed record BrocadeCredentials(string SipUser, string SipPassword, string? SipLocation, string? ExportKey)
{
    public static BrocadeCredentials? Find(IInstallationCredentials credentials, string credentialsRef)
    {
        var values = credentials.Find(credentialsRef);
        if (values is null || !values.TryGetValue("SipUser", out var user) || !values.TryGetValue("SipPassword", out var password)) return null;
        return new BrocadeCredentials(user, password, values.GetValueOrDefault("SipLocation"), values.GetValueOrDefault("ExportKey"));
    }

    public static string Missing(string installation, string credentialsRef)
        => $"Brocade installation '{installation}' has no SIP2 credentials: set Credentials:{credentialsRef}:SipUser and Credentials:{credentialsRef}:SipPassword (and ExportKey when its export markers are signed).";
}
