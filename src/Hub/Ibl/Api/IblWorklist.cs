using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Ibl.Model;

namespace Lsb.Hub.Ibl.Api;

/// <summary>What a library has to do about a request: the worklist's tasks.</summary>
public static class IblWorklist
{
    /// <summary>The tasks: <c>pick</c> (lender: find the copy; answer WillSupply or Unfilled), <c>ship</c> (lender: it
    /// will supply), <c>receive</c>, <c>return</c>, <c>checkin</c>, <c>manual</c> (a step staff do by hand), <c>attention</c>.</summary>
    public static IReadOnlyList<string> Tasks { get; } = ["pick", "ship", "receive", "return", "checkin", "manual", "attention"];

    /// <summary>The worklist item of <paramref name="r"/> for library <paramref name="isil"/>.</summary>
    public static IblWorklistItem Item(IblRequest r, string isil, bool hasManualStep)
    {
        ArgumentNullException.ThrowIfNull(r);
        var borrower = IblLibraries.SameLibrary(r.RequestingAgency, isil);
        var lender = IblLibraries.SameLibrary(r.LenderAgency, isil);
        var tasks = new List<string>();
        if (lender && (IblStates.IsAwaitingAnswer(r.State) || r.State == IblRequestState.WillSupply)) tasks.Add("pick");
        if (lender && r.State == IblRequestState.WillSupply) tasks.Add("ship");
        if (borrower && r.State == IblRequestState.Loaned) tasks.Add("receive");
        if (borrower && r.State is IblRequestState.Received or IblRequestState.Overdue or IblRequestState.Recalled) tasks.Add("return");
        if (lender && r.State == IblRequestState.ShippedReturn) tasks.Add("checkin");
        if (hasManualStep) tasks.Add("manual");
        if (r.Attention is not null) tasks.Add("attention");
        return new IblWorklistItem(r.Id, r.State.ToString(), borrower && lender ? "both" : borrower ? "borrower" : "lender", tasks, r.RequestingAgency, r.LenderAgency,
            r.Title, r.Isbn, r.ItemBarcode, IblClock.ParseOrNull(r.DueAt), r.Attention, IblClock.Parse(r.UpdatedAt));
    }
}
