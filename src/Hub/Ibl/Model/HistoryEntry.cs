using Lsb.Hub.Canonical.Events;

namespace Lsb.Hub.Ibl.Model;

/// <summary>One line of a request's history (<c>ibl_history</c>): a transition or a noteworthy fact, when, and who or what caused it.</summary>
public sealed class HistoryEntry
{
    public string RequestId { get; set; } = "";
    public int Seq { get; set; }
    public string At { get; set; } = "";
    public IblRequestState? FromState { get; set; }
    public IblRequestState ToState { get; set; }
    /// <summary>What happened, e.g. "action WillSupply", "step PlaceLenderHold succeeded", "timer LenderAnswerDue".</summary>
    public string What { get; set; } = "";
    /// <summary>Who or what caused it: <c>key:{name}</c>, <c>iso18626:{agency}</c>, <c>adapter:{installation}</c>, <c>timer</c>, <c>hub</c>.</summary>
    public string Actor { get; set; } = "";
    /// <summary>The library concerned.</summary>
    public string? Agency { get; set; }
    public string? Note { get; set; }
}
