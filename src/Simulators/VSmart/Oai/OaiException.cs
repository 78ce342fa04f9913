namespace Lsb.Hub.Simulators.VSmart.Oai;

/// <summary>An OAI-PMH error condition: answered as HTTP 200 with <c>&lt;error code="…"&gt;</c>.</summary>
internal sealed class OaiException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>badVerb and badArgument answers carry no request attributes (§3.2).</summary>
    public bool OmitsRequestAttributes => Code is OaiErrorCode.BadVerb or OaiErrorCode.BadArgument;
}
