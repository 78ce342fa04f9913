using Wolverine;
using Wolverine.Transports.Sending;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>Sends each envelope at once, for endpoints configured <c>SendInline()</c>.</summary>
internal sealed class InlineServiceBusSender(AzureServiceBusEndpoint endpoint, ServiceBusSenderProtocol protocol) : ISender
{
    public bool SupportsNativeScheduledSend => true;

    public Uri Destination => endpoint.Uri;

    public async Task<bool> PingAsync()
    {
        try
        {
            return await endpoint.CheckAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    public async ValueTask SendAsync(Envelope envelope) => await protocol.SendAsync(envelope);
}
