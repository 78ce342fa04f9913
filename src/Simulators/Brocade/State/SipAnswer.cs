namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>The outcome of a circulation request as SIP2 reports it: ok flag, the screen message (AF) and what it touched.</summary>
internal sealed record SipAnswer(bool Ok, string? Message, SimLoan? Loan = null, SimCopy? Copy = null, SimMember? Member = null)
{
    public static SipAnswer Refused(string message, SimMember? member = null, SimCopy? copy = null) => new(false, message, null, copy, member);
}
