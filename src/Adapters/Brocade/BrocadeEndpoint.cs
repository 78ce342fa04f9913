using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters.Brocade;

/// <summary>
/// Where a Brocade installation is: the SIP2 server and the export folder, both in the registration's one endpoint,
/// <c>tcp://host:port/?exports=/path/to/exports</c> (the folder percent-encoded).
/// </summary>
internal sealed record BrocadeEndpoint(string Host, int Port, string ExportFolder)
{
    public static BrocadeEndpoint Parse(InstallationDescriptor installation)
    {
        var uri = installation.Endpoint;
        if (uri.Scheme != "tcp" || uri.Port <= 0)
            throw new ArgumentException($"Brocade installation '{installation.Id}' has endpoint '{uri}': give it as tcp://host:port/?exports=/path/to/exports (the SIP2 server and the export folder).", nameof(installation));
        string? folder = null;
        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq] == "exports") folder = Uri.UnescapeDataString(part[(eq + 1)..]);
        }
        if (string.IsNullOrWhiteSpace(folder) || !Path.IsPathRooted(folder))
            throw new ArgumentException($"Brocade installation '{installation.Id}' has endpoint '{uri}' without an absolute export folder: add ?exports=/path/to/exports (percent-encoded).", nameof(installation));
        return new BrocadeEndpoint(uri.Host, uri.Port, folder);
    }
}
