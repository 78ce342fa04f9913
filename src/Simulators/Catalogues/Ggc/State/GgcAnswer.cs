namespace Lsb.Hub.Simulators.Catalogues.Ggc.State;

/// <summary>What an operation on the catalogue answers: an HTTP status and a body (a report or an error).</summary>
internal sealed record GgcAnswer(int Status, object Body)
{
    public static GgcAnswer Error(int status, string code, string message) => new(status, new GgcError(code, message));
}

/// <summary>The error body of the GGC delivery interface.</summary>
internal sealed record GgcError(string Code, string Message);
