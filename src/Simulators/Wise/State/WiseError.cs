namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>A refusal of the simulated Wise system: HTTP status, error code and a sentence.</summary>
internal sealed record WiseError(int Status, string Code, string Message)
{
    public static WiseError NotFound(string code, string message) => new(404, code, message);
    public static WiseError Conflict(string code, string message) => new(409, code, message);
    public static WiseError Forbidden(string code, string message) => new(403, code, message);
    public static WiseError Invalid(string code, string message) => new(400, code, message);
}
