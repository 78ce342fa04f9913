namespace Lsb.Hub.Ibl.Process;

/// <summary>Library staff did by hand a step their system cannot do (action <c>ManualStepDone</c>).</summary>
/// <param name="Actor">Who, for the history.</param>
/// <param name="Cause">borrower or lender.</param>
/// <param name="StepId">The step.</param>
/// <param name="Agency">The library confirming; it MUST be the step's library (or the key an admin's).</param>
/// <param name="VendorItemId">For a temporary copy made by hand: its id in the library's system, if known.</param>
public sealed record ManualStepConfirmed(string Actor, string Cause, string StepId, string? Agency, string? VendorItemId) : IblInput(Actor, Cause);
