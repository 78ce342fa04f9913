namespace Lsb.Hub.Adapters.VSmart.Ncip;

/// <summary>A Problem an NCIP responder answered with (NCIP 2: ProblemType; NCIP 1: ProcessingError or MessagingError).</summary>
/// <param name="Type">The problem type value, e.g. "User Blocked".</param>
/// <param name="Scheme">Its scheme, when given (vendors often omit it).</param>
/// <param name="Detail">ProblemDetail, if any.</param>
/// <param name="Element">The element at fault, if named.</param>
/// <param name="Value">The value at fault, if given.</param>
internal sealed record NcipProblemReport(string Type, string? Scheme, string? Detail, string? Element, string? Value)
{
    public override string ToString() => Type + (Detail is null ? string.Empty : $" ({Detail})") + (Value is null ? string.Empty : $" [{Element}: {Value}]");
}
