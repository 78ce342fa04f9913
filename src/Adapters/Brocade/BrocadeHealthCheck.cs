using Lsb.Hub.Adapters.Brocade.Commands;
using Lsb.Hub.Adapters.Brocade.Exports;

namespace Lsb.Hub.Adapters.Brocade;

/// <summary>Logs in and asks SIP2 status (99/98), then reads the export folder's markers: proves both halves of the
/// installation answer and accept the hub's credentials. NEVER throws for an unreachable installation.</summary>
internal sealed class BrocadeHealthCheck(BrocadeConnection connection, TimeProvider time)
{
    public async Task<AdapterHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        string description;
        var healthy = false;
        try
        {
            var status = await connection.SipAsync(Sip2Requests.Status(), changes: false, "checking health", cancellationToken);
            var online = status.Code == "98" && status.Fixed.Length > 0 && status.Fixed[0] == 'Y';
            var files = await connection.FolderAsync(() => ExportFolderScanner.Scan(connection.Endpoint.ExportFolder, connection.Id,
                connection.Installation.CredentialsRef, connection.ExportKey), "checking health", cancellationToken);
            healthy = online;
            description = online
                ? $"Brocade installation '{connection.Id}' answers SIP2 and accepts the login; its export folder holds {files.Count} finished export files."
                : $"Brocade installation '{connection.Id}' answers SIP2 but reports itself offline ({status.Raw}).";
        }
        catch (Exception e) when (e is IlsUnavailableException or IlsProtocolException)
        {
            description = e.Message;
        }
        return new AdapterHealth(healthy, description, time.GetElapsedTime(started), connection.CircuitState.ToString());
    }
}
