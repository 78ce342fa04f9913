namespace Lsb.Hub.Ibl.Api;

/// <summary>The body of <c>POST /api/v1/ibl/requests/{id}/actions</c>.</summary>
public sealed record IblActionRequest
{
    /// <summary>The action (see <see cref="IblAction"/>).</summary>
    public string? Action { get; init; }
    /// <summary>Why (Unfilled, Recall, Cancel), in words.</summary>
    public string? Reason { get; init; }
    /// <summary>Shipped: the barcode of the copy sent, if not the one held.</summary>
    public string? Barcode { get; init; }
    /// <summary>Shipped: the due date, if the lender's system does not set one.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>ManualStepDone: the step done by hand.</summary>
    public string? StepId { get; init; }
    /// <summary>ManualStepDone for a temporary copy: its id in the library's system, if known.</summary>
    public string? VendorItemId { get; init; }
}
