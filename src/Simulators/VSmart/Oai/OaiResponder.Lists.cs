using System.Xml;
using Lsb.Hub.Simulators.VSmart.Records;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart.Oai;

/// <summary>ListIdentifiers and ListRecords: selective harvesting by set and datestamps, in pages with resumption tokens.</summary>
internal sealed partial class OaiResponder
{
    private void List(XmlWriter xml, string verb, Dictionary<string, string> args, DateTimeOffset now)
    {
        var token = args.TryGetValue("resumptionToken", out var tokenText) ? ReadToken(tokenText, verb, now) : NewList(verb, args);
        var format = OaiFormat.Find(token.Prefix)!;
        var pageSize = verb == "ListRecords" ? state.Options.OaiPageSize : state.Options.OaiPageSize * 5;
        var filter = new OaiFilter(format.Kind, token.Set, Ticks(token.FromTicks), Ticks(token.BeforeTicks));
        var first = tokenText is null;
        var slice = state.ReadOai(filter, token.AfterRevision, pageSize, countAll: first);
        if (first && slice.Entries.Count == 0)
            throw new OaiException(OaiErrorCode.NoRecordsMatch, "No records match the request's set and dates.");
        var size = Math.Max(first ? slice.CompleteListSize!.Value : token.CompleteListSize, token.Cursor + slice.Entries.Count);
        xml.WriteStartElement(verb, OaiXml.Namespace);
        foreach (var entry in slice.Entries)
        {
            if (verb == "ListRecords") WriteRecord(xml, entry, format);
            else WriteHeader(xml, entry);
        }
        if (slice.More)
        {
            var next = token with { AfterRevision = slice.Entries[^1].Revision, Cursor = token.Cursor + slice.Entries.Count, CompleteListSize = size, IssuedTicks = now.UtcTicks };
            WriteToken(xml, next.Encode(tokenKey), size, token.Cursor, now + state.Options.ResumptionTokenLifetime);
        }
        else if (!first)
        {
            // The last page of an incomplete list carries an empty token (§3.5).
            WriteToken(xml, null, size, token.Cursor, null);
        }
        xml.WriteEndElement();
    }

    private OaiToken NewList(string verb, Dictionary<string, string> args)
    {
        if (!args.TryGetValue("metadataPrefix", out var prefix))
            throw new OaiException(OaiErrorCode.BadArgument, $"{verb} needs metadataPrefix (or a resumptionToken).");
        if (OaiFormat.Find(prefix) is null) throw CannotDisseminate(prefix);
        DateTimeOffset? from = null, before = null;
        bool? fromSeconds = null;
        if (args.TryGetValue("from", out var fromText))
        {
            if (!OaiDates.TryParse(fromText, out var value, out var seconds))
                throw new OaiException(OaiErrorCode.BadArgument, $"from '{fromText}' is not a date of the form YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.");
            (from, fromSeconds) = (value, seconds);
        }
        if (args.TryGetValue("until", out var untilText))
        {
            if (!OaiDates.TryParse(untilText, out var value, out var seconds))
                throw new OaiException(OaiErrorCode.BadArgument, $"until '{untilText}' is not a date of the form YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.");
            if (fromSeconds is { } f && f != seconds)
                throw new OaiException(OaiErrorCode.BadArgument, "from and until must have the same granularity.");
            before = value + (seconds ? TimeSpan.FromSeconds(1) : TimeSpan.FromDays(1));
            if (from is { } start && start >= before)
                throw new OaiException(OaiErrorCode.BadArgument, $"from '{fromText}' is later than until '{untilText}'.");
        }
        var set = args.GetValueOrDefault("set");
        if (set is not null && !state.IsSet(set))
            throw new OaiException(OaiErrorCode.NoRecordsMatch, $"The repository has no set '{set}': ListSets names them.");
        return new OaiToken(verb, prefix, set, from?.UtcTicks, before?.UtcTicks, 0, 0, 0, 0);
    }

    private OaiToken ReadToken(string text, string verb, DateTimeOffset now)
    {
        var token = OaiToken.Decode(text, tokenKey)
            ?? throw new OaiException(OaiErrorCode.BadResumptionToken, "The resumption token is not one this repository issued: start the list again without it.");
        if (token.Verb != verb)
            throw new OaiException(OaiErrorCode.BadResumptionToken, $"The resumption token belongs to {token.Verb}, not {verb}.");
        if (now.UtcTicks - token.IssuedTicks > state.Options.ResumptionTokenLifetime.Ticks)
            throw new OaiException(OaiErrorCode.BadResumptionToken, "The resumption token has expired: start the list again without it.");
        return token;
    }

    private static DateTimeOffset? Ticks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private static void WriteToken(XmlWriter xml, string? token, int size, int cursor, DateTimeOffset? expires)
    {
        xml.WriteStartElement("resumptionToken", OaiXml.Namespace);
        if (expires is { } e) xml.WriteAttributeString("expirationDate", OaiDates.Format(e));
        xml.WriteAttributeString("completeListSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("cursor", cursor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (token is not null) xml.WriteString(token);
        xml.WriteEndElement();
    }
}
