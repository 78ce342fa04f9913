using Lsb.Hub.Ibl.Process;
using Lsb.Hub.Ibl.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>
/// Wolverine handler of <see cref="IblIsoSend"/>: posts a recorded ISO 18626 message to its peer. An unreachable peer
/// throws, so the bus retries (and finally keeps it as a failed message); an ERROR confirmation goes back into the
/// process (a refused request moves the rota on). A message already sent is not sent again.
/// </summary>
public sealed class IblIsoSendHandler(IblStore store, Iso18626Client client, IblProcess process, IOptions<IblOptions> options, ILogger<IblIsoSendHandler> logger)
{
    /// <summary>Sends the message.</summary>
    public async Task Handle(IblIsoSend send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var message = await store.IsoMessageAsync(send.MessageId, cancellationToken);
        if (message is null) return;
        var peer = options.Value.Iso18626.Peer(message.Peer);
        string? error;
        if (peer?.Address is null)
        {
            error = $"no address is configured for {message.Peer} (Ibl:Iso18626:Peers)";
        }
        else
        {
            error = await client.SendAsync(peer.Address, message.Xml, peer.Key, cancellationToken);
        }
        await store.MarkIsoSentAsync(message.Id, error ?? "OK", DateTimeOffset.UtcNow, cancellationToken);
        if (error is null) return;
        logger.LogWarning("ISO 18626 {Kind} of {RequestId} to {Peer} failed: {Error}", message.Kind, message.RequestId, message.Peer, error);
        await process.ApplyAsync(message.RequestId, new IsoDeliveryFailed(message.Peer, message.Kind, error), cancellationToken);
    }
}
