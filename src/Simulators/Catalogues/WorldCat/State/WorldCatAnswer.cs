namespace Lsb.Hub.Simulators.Catalogues.WorldCat.State;

/// <summary>What an LHR operation answers: status, and either MARCXML or a JSON error body.</summary>
internal sealed record WorldCatAnswer(int Status, string? Xml, object? Error)
{
    public static WorldCatAnswer Record(int status, string xml) => new(status, xml, null);

    public static WorldCatAnswer NotFound(string controlNumber)
        => new(404, null, new { type = "NOT_FOUND", title = "Resource Not Found", detail = $"No LHR with control number {controlNumber}." });

    public static WorldCatAnswer Invalid(string detail, params (string Tag, string Message)[] errors)
        => new(400, null, new
        {
            type = "BAD_REQUEST",
            title = "Validation Failure",
            detail,
            errorCount = errors.Length,
            variableFieldErrors = errors.Select(e => new { tag = e.Tag, errorLevel = "SEVERE", message = e.Message }).ToArray(),
        });
}
