using System.Globalization;
using System.Text.Json;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.EventLog;

/// <summary>
/// Writes the payload of the nine ingest events by hand, byte for byte what the serializer writes with
/// <see cref="EventPayloadJson.Options"/> (camelCase, declaration order, nulls left out, enums by name, the common fields
/// left out): that path goes through the serializer's metadata for every event (the modifier that drops the common fields
/// turns off its fast path), which cost 4 % of the ingest benchmark's CPU. Any other event is left to the serializer.
/// EventPayloadWriterTests compare both on generated events of every kind.
/// </summary>
internal static class EventPayloadWriter
{
    /// <summary>Writes <paramref name="e"/>'s payload; false (nothing written) for an event this writer does not know.</summary>
    public static bool TryWrite(Utf8JsonWriter writer, CanonicalEvent e)
    {
        if (e is not (HoldingAdded or HoldingChanged or HoldingWithdrawn or LoanStarted or LoanRenewed or LoanEnded
            or MemberRegistered or MemberUpdated or MemberRemoved)) return false;
        writer.WriteStartObject();
        switch (e)
        {
            case HoldingChanged c:
                Copy(writer, c.HoldingId, c.OwnerIsil);
                Details(writer, c.Details);
                Strings(writer, Names.ChangedFields, c.ChangedFields);
                break;
            case HoldingAdded a:
                Copy(writer, a.HoldingId, a.OwnerIsil);
                Details(writer, a.Details);
                break;
            case HoldingWithdrawn w:
                Copy(writer, w.HoldingId, w.OwnerIsil);
                Text(writer, Names.Barcode, w.Barcode);
                break;
            case LoanStarted s:
                writer.WriteString(Names.LoanId, CanonicalId.Format(s.LoanId));
                Enum(writer, Names.Kind, s.Kind);
                writer.WriteString(Names.MemberId, CanonicalId.Format(s.MemberId));
                if (s.HoldingId is { } startedCopy) writer.WriteString(Names.HoldingId, CanonicalId.Format(startedCopy));
                Text(writer, Names.EbookIsbn, s.EbookIsbn);
                Text(writer, Names.Title, s.Title);
                writer.WriteString(Names.LendingIsil, s.LendingIsil.Value);
                writer.WriteString(Names.StartedAt, s.StartedAt);
                if (s.DueAt is { } startedDue) writer.WriteString(Names.DueAt, startedDue);
                break;
            case LoanRenewed r:
                writer.WriteString(Names.LoanId, CanonicalId.Format(r.LoanId));
                writer.WriteString(Names.MemberId, CanonicalId.Format(r.MemberId));
                writer.WriteString(Names.LendingIsil, r.LendingIsil.Value);
                if (r.DueAt is { } renewedDue) writer.WriteString(Names.DueAt, renewedDue);
                writer.WriteNumber(Names.Renewals, r.Renewals);
                break;
            case LoanEnded n:
                writer.WriteString(Names.LoanId, CanonicalId.Format(n.LoanId));
                writer.WriteString(Names.MemberId, CanonicalId.Format(n.MemberId));
                if (n.HoldingId is { } endedCopy) writer.WriteString(Names.HoldingId, CanonicalId.Format(endedCopy));
                writer.WriteString(Names.LendingIsil, n.LendingIsil.Value);
                writer.WriteString(Names.EndedAt, n.EndedAt);
                break;
            case MemberRegistered m:
                Membership(writer, m.MemberId, m.HomeIsil);
                Profile(writer, m.Profile);
                break;
            case MemberUpdated u:
                Membership(writer, u.MemberId, u.HomeIsil);
                Profile(writer, u.Profile);
                Strings(writer, Names.ChangedFields, u.ChangedFields);
                break;
            case MemberRemoved x:
                Membership(writer, x.MemberId, x.HomeIsil);
                writer.WriteBoolean(Names.Erased, x.Erased);
                break;
        }
        writer.WriteEndObject();
        return true;
    }

    // The first two fields of every copy event, and of every membership event.
    private static void Copy(Utf8JsonWriter writer, HoldingId id, Isil owner)
    {
        writer.WriteString(Names.HoldingId, CanonicalId.Format(id));
        writer.WriteString(Names.OwnerIsil, owner.Value);
    }

    private static void Membership(Utf8JsonWriter writer, MemberId id, Isil home)
    {
        writer.WriteString(Names.MemberId, CanonicalId.Format(id));
        writer.WriteString(Names.HomeIsil, home.Value);
    }

    private static void Details(Utf8JsonWriter writer, HoldingDetails? details)
    {
        if (details is null) return;
        writer.WriteStartObject(Names.Details);
        Text(writer, Names.Barcode, details.Barcode);
        if (details.Bibliographic is { } ids)
        {
            writer.WriteStartObject(Names.Bibliographic);
            Text(writer, Names.Isbn, ids.Isbn);
            Text(writer, Names.Ppn, ids.Ppn);
            Text(writer, Names.OclcNumber, ids.OclcNumber);
            Text(writer, Names.LocalRecordId, ids.LocalRecordId);
            writer.WriteEndObject();
        }
        Text(writer, Names.Title, details.Title);
        Text(writer, Names.Author, details.Author);
        Enum(writer, Names.MaterialType, details.MaterialType);
        Text(writer, Names.Location, details.Location);
        Text(writer, Names.Shelfmark, details.Shelfmark);
        Enum(writer, Names.Status, details.Status);
        Text(writer, Names.RawStatus, details.RawStatus);
        writer.WriteBoolean(Names.LendableForIbl, details.LendableForIbl);
        writer.WriteEndObject();
    }

    private static void Profile(Utf8JsonWriter writer, MemberProfile? profile)
    {
        if (profile is null) return;
        writer.WriteStartObject(Names.Profile);
        Enum(writer, Names.Category, profile.Category);
        Enum(writer, Names.Status, profile.Status);
        if (profile.ExpiresOn is { } expires)
        {
            Span<char> date = stackalloc char[10];
            expires.TryFormat(date, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteString(Names.ExpiresOn, date[..length]);
        }
        Text(writer, Names.BirthYearBand, profile.BirthYearBand);
        Text(writer, Names.PostcodeArea, profile.PostcodeArea);
        writer.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    private static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null) return;
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value) writer.WriteStringValue(value);
            else writer.WriteNullValue();
        }
        writer.WriteEndArray();
    }

    // As JsonStringEnumConverter without a naming policy: a named value by its name, any other as its number.
    private static void Enum<T>(Utf8JsonWriter writer, JsonEncodedText name, T value) where T : struct, System.Enum
    {
        if (EnumNames<T>.Of.TryGetValue(value, out var text)) writer.WriteString(name, text);
        else writer.WriteNumber(name, Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private static class EnumNames<T> where T : struct, System.Enum
    {
        public static readonly Dictionary<T, JsonEncodedText> Of = System.Enum.GetValues<T>()
            .DistinctBy(v => v).ToDictionary(v => v, v => JsonEncodedText.Encode(v.ToString()));
    }

    private static class Names
    {
        public static readonly JsonEncodedText HoldingId = JsonEncodedText.Encode("holdingId");
        public static readonly JsonEncodedText OwnerIsil = JsonEncodedText.Encode("ownerIsil");
        public static readonly JsonEncodedText Details = JsonEncodedText.Encode("details");
        public static readonly JsonEncodedText ChangedFields = JsonEncodedText.Encode("changedFields");
        public static readonly JsonEncodedText Barcode = JsonEncodedText.Encode("barcode");
        public static readonly JsonEncodedText Bibliographic = JsonEncodedText.Encode("bibliographic");
        public static readonly JsonEncodedText Isbn = JsonEncodedText.Encode("isbn");
        public static readonly JsonEncodedText Ppn = JsonEncodedText.Encode("ppn");
        public static readonly JsonEncodedText OclcNumber = JsonEncodedText.Encode("oclcNumber");
        public static readonly JsonEncodedText LocalRecordId = JsonEncodedText.Encode("localRecordId");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Author = JsonEncodedText.Encode("author");
        public static readonly JsonEncodedText MaterialType = JsonEncodedText.Encode("materialType");
        public static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
        public static readonly JsonEncodedText Shelfmark = JsonEncodedText.Encode("shelfmark");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText RawStatus = JsonEncodedText.Encode("rawStatus");
        public static readonly JsonEncodedText LendableForIbl = JsonEncodedText.Encode("lendableForIbl");
        public static readonly JsonEncodedText LoanId = JsonEncodedText.Encode("loanId");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText MemberId = JsonEncodedText.Encode("memberId");
        public static readonly JsonEncodedText EbookIsbn = JsonEncodedText.Encode("ebookIsbn");
        public static readonly JsonEncodedText LendingIsil = JsonEncodedText.Encode("lendingIsil");
        public static readonly JsonEncodedText StartedAt = JsonEncodedText.Encode("startedAt");
        public static readonly JsonEncodedText DueAt = JsonEncodedText.Encode("dueAt");
        public static readonly JsonEncodedText Renewals = JsonEncodedText.Encode("renewals");
        public static readonly JsonEncodedText EndedAt = JsonEncodedText.Encode("endedAt");
        public static readonly JsonEncodedText HomeIsil = JsonEncodedText.Encode("homeIsil");
        public static readonly JsonEncodedText Profile = JsonEncodedText.Encode("profile");
        public static readonly JsonEncodedText Erased = JsonEncodedText.Encode("erased");
        public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
        public static readonly JsonEncodedText ExpiresOn = JsonEncodedText.Encode("expiresOn");
        public static readonly JsonEncodedText BirthYearBand = JsonEncodedText.Encode("birthYearBand");
        public static readonly JsonEncodedText PostcodeArea = JsonEncodedText.Encode("postcodeArea");
    }
}
