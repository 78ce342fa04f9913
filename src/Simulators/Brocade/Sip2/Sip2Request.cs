namespace Lsb.Hub.Simulators.Brocade.Sip2;

/// <summary>A parsed SIP2 request: the code, its fixed-length part and its variable fields (first occurrence wins).</summary>
internal sealed class Sip2Request
{
    private static readonly Dictionary<string, int> FixedLengths = new(StringComparer.Ordinal)
    {
        ["93"] = 2, ["99"] = 8, ["63"] = 31, ["23"] = 21, ["17"] = 18, ["11"] = 38, ["09"] = 37, ["29"] = 38, ["15"] = 19, ["35"] = 18,
    };

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    private Sip2Request(string code, string fixedPart)
    {
        Code = code;
        Fixed = fixedPart;
    }

    public string Code { get; }

    public string Fixed { get; }

    public string? this[string id] => _fields.GetValueOrDefault(id);

    public static Sip2Request? Parse(string body)
    {
        if (body.Length < 2) return null;
        var code = body[..2];
        var fixedLength = FixedLengths.GetValueOrDefault(code);
        if (body.Length < 2 + fixedLength) return null;
        var request = new Sip2Request(code, body.Substring(2, fixedLength));
        foreach (var part in body[(2 + fixedLength)..].Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length >= 2) request._fields.TryAdd(part[..2], part[2..]);
        }
        return request;
    }
}
