using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>ISO 18626 settings (<c>Ibl:Iso18626</c>).</summary>
public sealed class Iso18626Options
{
    /// <summary>The hub's own agency id (ISIL) as external agencies address it.</summary>
    public string AgencyId { get; set; } = "LSB-HUB";

    /// <summary>The external agencies the hub exchanges messages with.</summary>
    public List<Iso18626Peer> Peers { get; set; } = [];

    /// <summary>How long the hub waits for a peer's confirmation.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The peer with this agency id, or null.</summary>
    public Iso18626Peer? Peer(string agencyId) => Peers.FirstOrDefault(p => string.Equals(p.AgencyId, agencyId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The validation errors of these settings.</summary>
    public IEnumerable<ValidationResult> Validate()
    {
        if (string.IsNullOrWhiteSpace(AgencyId)) yield return new ValidationResult("Ibl:Iso18626:AgencyId is empty: give the hub's agency id (its ISIL).");
        for (var i = 0; i < Peers.Count; i++)
        {
            var peer = Peers[i];
            if (string.IsNullOrWhiteSpace(peer.AgencyId))
                yield return new ValidationResult($"Ibl:Iso18626:Peers:{i}:AgencyId is empty: give the agency id the peer uses in its messages.");
            if (peer.Address is null || !peer.Address.IsAbsoluteUri)
                yield return new ValidationResult($"Ibl:Iso18626:Peers:{i}:Address must be the absolute URL the peer receives ISO 18626 messages at.");
        }
        if (Peers.GroupBy(p => p.AgencyId, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            yield return new ValidationResult("Ibl:Iso18626:Peers lists an agency id twice.");
        if (SendTimeout < TimeSpan.FromSeconds(1) || SendTimeout > TimeSpan.FromMinutes(5))
            yield return new ValidationResult("Ibl:Iso18626:SendTimeout must be between 1 second and 5 minutes.");
    }
}
