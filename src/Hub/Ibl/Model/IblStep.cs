namespace Lsb.Hub.Ibl.Model;

/// <summary>
/// A command a request needs carried out (<c>ibl_steps</c>): by the lender's or the borrower's adapter, or by the hub
/// (sourcing). Its id is the adapter command's idempotency key, so carrying a step out twice has the effect of once.
/// </summary>
public sealed class IblStep
{
    public string StepId { get; set; } = "";
    public string RequestId { get; set; } = "";
    public int Seq { get; set; }
    public IblStepKind Kind { get; set; }
    public IblParty Party { get; set; }
    /// <summary>The library at which the step is carried out.</summary>
    public string Agency { get; set; } = "";
    /// <summary>The rota position the step belongs to (lender steps).</summary>
    public int? Position { get; set; }
    /// <summary>What the step acts on in the library's system (the hold to cancel), or what it created (a hold, a temporary copy).</summary>
    public string? VendorRef { get; set; }
    public IblStepStatus Status { get; set; }
    public string? Message { get; set; }
    public string? RawStatus { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? CompletedAt { get; set; }

    /// <summary>Set when the step changed in the current decision.</summary>
    public bool Dirty { get; set; }

    /// <summary>Set when the step is new in the current decision.</summary>
    public bool IsNew { get; set; }
}
