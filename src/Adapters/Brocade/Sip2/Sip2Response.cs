namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>A SIP2 answer: its code, fixed-length part and variable fields (<c>XXvalue|</c>; first occurrence wins).</summary>
internal sealed class Sip2Response
{
    private static readonly Dictionary<string, int> FixedLengths = new(StringComparer.Ordinal)
    {
        ["94"] = 1, ["98"] = 34, ["64"] = 59, ["24"] = 35, ["18"] = 24, ["12"] = 22, ["10"] = 22, ["30"] = 22, ["16"] = 20, ["36"] = 19,
    };

    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    private Sip2Response(string code, string fixedPart, string raw)
    {
        Code = code;
        Fixed = fixedPart;
        Raw = raw;
    }

    public string Code { get; }

    public string Fixed { get; }

    /// <summary>The answer as received (without AY/AZ), for error messages.</summary>
    public string Raw { get; }

    public string? this[string id] => _fields.GetValueOrDefault(id);

    /// <summary>The <c>ok</c> flag most answers start with.</summary>
    public bool Ok => Fixed.Length > 0 && Fixed[0] is '1' or 'Y';

    /// <summary>The screen message (AF), trimmed; null when absent or empty.</summary>
    public string? ScreenMessage => this["AF"] is { Length: > 0 } m ? m.Trim() : null;

    /// <summary>Parses an answer body (AY/AZ already removed); null when it is too short for its code.</summary>
    public static Sip2Response? Parse(string body)
    {
        if (body.Length < 2) return null;
        var code = body[..2];
        if (!FixedLengths.TryGetValue(code, out var fixedLength) || body.Length < 2 + fixedLength) return null;
        var response = new Sip2Response(code, body.Substring(2, fixedLength), body);
        foreach (var part in body[(2 + fixedLength)..].Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length >= 2) response._fields.TryAdd(part[..2], part[2..]);
        }
        return response;
    }
}
