using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Iso18626;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Outbox;

namespace Lsb.Hub.Ibl.Process;

/// <summary>
/// A request with its rota and steps, loaded for one decision, plus what the decision adds: history lines, outbox
/// messages, ISO 18626 messages and canonical events. <see cref="Storage.IblStore"/> saves it in one transaction.
/// </summary>
public sealed class IblCase(IblRequest request, List<RotaEntry> rota, List<IblStep> steps, bool isNew = false)
{
    /// <summary>The request.</summary>
    public IblRequest Request { get; } = request;
    /// <summary>The rota, by position.</summary>
    public List<RotaEntry> Rota { get; } = rota;
    /// <summary>Every step so far.</summary>
    public List<IblStep> Steps { get; } = steps;
    /// <summary>True when the request is not stored yet.</summary>
    public bool IsNew { get; } = isNew;
    /// <summary>History lines to append.</summary>
    public List<HistoryEntry> NewHistory { get; } = [];
    /// <summary>Messages to hand to the bus after commit.</summary>
    public List<IblOutboxEntry> NewOutbox { get; } = [];
    /// <summary>ISO 18626 messages to record (and send through the outbox).</summary>
    public List<IsoOutboundMessage> NewIsoMessages { get; } = [];
    /// <summary>Canonical events to append to the log.</summary>
    public List<CanonicalEvent> NewEvents { get; } = [];
    /// <summary>True when the decision changed anything.</summary>
    public bool Changed => IsNew || NewHistory.Count > 0 || NewOutbox.Count > 0 || Rota.Any(r => r.Dirty || r.IsNew) || Steps.Any(s => s.Dirty || s.IsNew);
    /// <summary>The selected rota entry, or null.</summary>
    public RotaEntry? Current => Request.CurrentPosition is { } p ? Rota.FirstOrDefault(r => r.Position == p) : null;
}
