using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Lsb.Hub.Adapters.VSmart.Ncip;

/// <summary>
/// Reads an NCIP response, version 2 or 1, by local names (namespaces and prefixes as vendors write them). A document
/// that is not an NCIP response — not XML, JSON, an NCIP request, another root element — throws
/// <see cref="IlsProtocolException"/> saying what it is. A DOCTYPE (NCIP 1) is ignored, never resolved.
/// </summary>
internal static class NcipResponseReader
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };

    public static NcipResponse Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            throw new IlsProtocolException($"{source} answered with JSON, not an NCIP XML message: V-smart speaks NCIP 2.02 XML ({Start(trimmed)}).");
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new IlsProtocolException($"{source} answered with XML that cannot be read as an NCIP message: {e.Message}", e);
        }
        var root = document.Root!;
        if (root.Name.LocalName != "NCIPMessage")
            throw new IlsProtocolException($"{source} answered with <{root.Name.LocalName}>, not an NCIPMessage.");
        var version = root.Name.NamespaceName == "http://www.niso.org/2008/ncip" ? "2" : "1";
        var messageProblems = root.Elements().Where(e => e.Name.LocalName == "Problem").Select(ProblemOf).ToList();
        if (messageProblems.Count > 0) return new NcipResponse { Service = string.Empty, ProtocolVersion = version, Problems = messageProblems };
        var body = root.Elements().FirstOrDefault()
            ?? throw new IlsProtocolException($"{source} answered with an empty NCIPMessage.");
        var name = body.Name.LocalName;
        if (!name.EndsWith("Response", StringComparison.Ordinal))
            throw new IlsProtocolException($"{source} answered with an NCIP {name} request, not a response.");
        return new NcipResponse
        {
            Service = name[..^"Response".Length],
            ProtocolVersion = version,
            Problems = [.. body.Elements().Where(e => e.Name.LocalName == "Problem").Select(ProblemOf)],
            UserId = Id(body, "UserId", "UniqueUserId", "UserIdentifierValue"),
            ItemId = Id(body, "ItemId", "UniqueItemId", "ItemIdentifierValue"),
            RequestId = Id(body, "RequestId", "UniqueRequestId", "RequestIdentifierValue"),
            DateDue = Moment(Child(body, "DateDue")?.Value),
            RenewalCount = int.TryParse(Child(body, "RenewalCount")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var renewals) ? renewals : null,
            Privileges = [.. Descendants(body, "UserPrivilege").Select(p => new NcipPrivilege(
                SchemeValue(Child(p, "AgencyUserPrivilegeType")) ?? string.Empty,
                SchemeValue(Child(Child(p, "UserPrivilegeStatus"), "UserPrivilegeStatusType")),
                Moment(Child(p, "ValidToDate")?.Value)))],
            Blocks = [.. Descendants(body, "BlockOrTrap").Select(b => SchemeValue(Child(b, "BlockOrTrapType")) ?? string.Empty)],
            AccountBalance = long.TryParse(Descendants(body, "AccountBalance").Select(a => Child(a, "MonetaryValue")?.Value).FirstOrDefault(),
                NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var balance) ? balance : null,
        };
    }

    private static NcipProblemReport ProblemOf(XElement problem)
    {
        var type = problem.Descendants().FirstOrDefault(e => e.Name.LocalName is "ProblemType" or "ProcessingErrorType" or "MessagingErrorType");
        var values = problem.Descendants().Where(e => e.Name.LocalName is "ProcessingErrorValue" or "MessagingErrorValue").ToList();
        return new NcipProblemReport(
            SchemeValue(type) ?? Text(problem) ?? "Unspecified Problem",
            Scheme(type),
            Child(problem, "ProblemDetail")?.Value.Trim(),
            Child(problem, "ProblemElement")?.Value.Trim() ?? problem.Descendants().FirstOrDefault(e => e.Name.LocalName == "ElementName")?.Value.Trim(),
            Child(problem, "ProblemValue")?.Value.Trim() ?? values.LastOrDefault()?.Value.Trim());
    }

    /// <summary>NCIP 2 writes <c>&lt;X Scheme="…"&gt;value&lt;/X&gt;</c>; NCIP 1 <c>&lt;X&gt;&lt;Scheme/&gt;&lt;Value/&gt;&lt;/X&gt;</c>.</summary>
    private static string? SchemeValue(XElement? element)
    {
        if (element is null) return null;
        var value = (Child(element, "Value") ?? element).Value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string? Scheme(XElement? element)
        => element is null ? null
            : Child(element, "Scheme")?.Value.Trim() ?? element.Attributes().FirstOrDefault(a => a.Name.LocalName == "Scheme")?.Value;

    private static string? Id(XElement body, string v2, string v1, string valueName)
        => (Child(body, v2) ?? Child(body, v1)) is { } id && Child(id, valueName)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static XElement? Child(XElement? parent, string localName) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Descendants(XElement parent, string localName) => parent.Descendants().Where(e => e.Name.LocalName == localName);

    private static string? Text(XElement element) => element.Value.Trim() is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Moment(string? text)
        => DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment : null;

    private static string Start(string text) => text.Length > 80 ? text[..80].ReplaceLineEndings(" ") + "…" : text.ReplaceLineEndings(" ");
}
