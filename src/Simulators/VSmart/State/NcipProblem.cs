namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>An NCIP processing problem: <c>ProblemType</c> (with its scheme), detail, the element and value at fault.</summary>
internal sealed record NcipProblem(string Type, string Scheme, string Detail, string? Element = null, string? Value = null)
{
    private const string ProcessingErrors = "http://www.niso.org/ncip/v1_0/schemes/processingerrortype/";

    /// <summary>A processing error of <paramref name="service"/> (e.g. "CheckOutItem") in the NISO scheme for it.</summary>
    public static NcipProblem Of(string service, string type, string detail, string? element = null, string? value = null)
        => new(type, $"{ProcessingErrors}{service.ToLowerInvariant()}processingerror.scm", detail, element, value);
}
