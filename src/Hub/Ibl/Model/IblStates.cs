using Lsb.Hub.Canonical.Events;

namespace Lsb.Hub.Ibl.Model;

/// <summary>Groups of states the rules refer to.</summary>
public static class IblStates
{
    /// <summary>States a request never leaves.</summary>
    public static bool IsTerminal(IblRequestState state)
        => state is IblRequestState.LoanCompleted or IblRequestState.Cancelled or IblRequestState.EndOfRota or IblRequestState.InvalidPatron;

    /// <summary>Before the copy was shipped: the request can still be cancelled.</summary>
    public static bool IsBeforeShipping(IblRequestState state)
        => state is IblRequestState.New or IblRequestState.Validated or IblRequestState.Sourcing or IblRequestState.SentToSupplier
            or IblRequestState.ExpectToSupply or IblRequestState.WillSupply;

    /// <summary>The current lender has the request and has not committed yet: the answer timer runs.</summary>
    public static bool IsAwaitingAnswer(IblRequestState state)
        => state is IblRequestState.SentToSupplier or IblRequestState.ExpectToSupply;

    /// <summary>The copy is out of the lender's hands and not yet back.</summary>
    public static bool IsOut(IblRequestState state)
        => state is IblRequestState.Loaned or IblRequestState.Received or IblRequestState.Overdue or IblRequestState.Recalled;
}
