using System.Globalization;
using System.Text.Json;
using Lsb.Hub.Adapters.Wise.Dto;

namespace Lsb.Hub.Adapters.Wise.Reading;

/// <summary>
/// Reads a page of the item or loan mutation feed in one pass: each mutation into its DTO, where its record lies in the
/// page (the bytes a change keeps as read) and <c>laatsteMutatienummer</c>. It reads what System.Text.Json reads into the
/// same DTOs, and throws where that would fail (a required field missing, a value of the wrong kind, a record that is not
/// an object), so that <see cref="WiseChangeReader"/> then reads the page record by record and such a record fails alone;
/// <c>WiseMutationPageReaderTests</c> compare both readings. Written by hand because it is ingest's hottest JSON: the
/// serializer's reading plus a second pass for the records' places cost about twice as much (docs/performance.md).
/// </summary>
internal static class WiseMutationPageReader
{
    /// <summary>A page as read: its mutations, each one's record in the page, and the feed's newest mutation number (-1
    /// when the page does not say).</summary>
    internal sealed record Page<TMutation>(List<TMutation> Mutations, List<Range> Records, long Newest);

    private delegate T RecordReader<out T>(ref Utf8JsonReader reader);

    /// <summary>A page of the item mutation feed.</summary>
    public static Page<WiseItemMutation> Items(ReadOnlySpan<byte> json) => Read(json, ItemMutation);

    /// <summary>A page of the loan mutation feed.</summary>
    public static Page<WiseLoanMutation> Loans(ReadOnlySpan<byte> json) => Read(json, LoanMutation);

    private static Page<T> Read<T>(ReadOnlySpan<byte> json, RecordReader<T> record)
    {
        var reader = new Utf8JsonReader(json);
        List<T>? mutations = null;
        var records = new List<Range>();
        long newest = -1;
        reader.Read();
        ExpectObject(ref reader, "The page");
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("mutaties"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("\"mutaties\" is not an array.");
                // A repeated property counts once, the last one, as the serializer reads it.
                (mutations, records) = ([], []);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    mutations.Add(record(ref reader));
                    records.Add(start..(int)reader.BytesConsumed);
                }
            }
            else if (reader.ValueTextEquals("laatsteMutatienummer"u8)) newest = Value(ref reader).GetInt64();
            else Skip(ref reader);
        }
        if (reader.Read()) throw new JsonException("The page goes on after its object.");
        return mutations is null ? throw new JsonException("The page has no \"mutaties\".") : new Page<T>(mutations, records, newest);
    }

    private static WiseItemMutation ItemMutation(ref Utf8JsonReader reader)
    {
        ExpectObject(ref reader, "A mutation");
        var mutation = new WiseItemMutation();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("mutatienummer"u8)) mutation.Number = Value(ref reader).GetInt64();
            else if (reader.ValueTextEquals("mutatiedatum"u8)) mutation.At = Value(ref reader).GetDateTimeOffset();
            else if (reader.ValueTextEquals("mutatiesoort"u8)) mutation.Kind = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("exemplaar"u8)) mutation.Item = Item(ref reader)!;
            else Skip(ref reader);
        }
        return mutation;
    }

    private static WiseLoanMutation LoanMutation(ref Utf8JsonReader reader)
    {
        ExpectObject(ref reader, "A mutation");
        var mutation = new WiseLoanMutation();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("mutatienummer"u8)) mutation.Number = Value(ref reader).GetInt64();
            else if (reader.ValueTextEquals("mutatiedatum"u8)) mutation.At = Value(ref reader).GetDateTimeOffset();
            else if (reader.ValueTextEquals("mutatiesoort"u8)) mutation.Kind = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("uitlening"u8)) mutation.Loan = Loan(ref reader);
            else if (reader.ValueTextEquals("vreemdExemplaar"u8)) mutation.ForeignItem = ForeignItem(ref reader);
            else Skip(ref reader);
        }
        return mutation;
    }

    private static WiseItem? Item(ref Utf8JsonReader reader)
    {
        if (!StartsObject(ref reader, "exemplaar")) return null;
        var item = new WiseItem();
        var hasId = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("exemplaarId"u8)) (item.ItemId, hasId) = (Value(ref reader).GetString()!, true);
            else if (reader.ValueTextEquals("exemplaarnummer"u8)) item.Barcode = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("titelnummer"u8)) item.TitleNumber = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("titel"u8)) item.Title = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("auteur"u8)) item.Author = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("isbn"u8)) item.Isbn = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("ppn"u8)) item.Ppn = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("materiaalsoort"u8)) item.MaterialType = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("vestiging"u8)) item.BranchId = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("plaatsing"u8)) item.Location = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("signatuur"u8)) item.Shelfmark = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("status"u8)) item.Status = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("iblUitleenbaar"u8)) item.LendableForIbl = Value(ref reader).GetBoolean();
            else if (reader.ValueTextEquals("tijdelijk"u8)) item.Temporary = Value(ref reader).GetBoolean();
            else Skip(ref reader);
        }
        Required(hasId, "exemplaar", "exemplaarId");
        return item;
    }

    private static WiseLoan? Loan(ref Utf8JsonReader reader)
    {
        if (!StartsObject(ref reader, "uitlening")) return null;
        var loan = new WiseLoan();
        bool hasId = false, hasItem = false, hasPatron = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("uitleningId"u8)) (loan.LoanId, hasId) = (Value(ref reader).GetString()!, true);
            else if (reader.ValueTextEquals("exemplaarId"u8)) (loan.ItemId, hasItem) = (Value(ref reader).GetString()!, true);
            else if (reader.ValueTextEquals("exemplaarnummer"u8)) loan.Barcode = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("titel"u8)) loan.Title = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("patronSystemId"u8)) (loan.PatronSystemId, hasPatron) = (Value(ref reader).GetString()!, true);
            else if (reader.ValueTextEquals("vestiging"u8)) loan.BranchId = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("uitleendatum"u8)) loan.LentAt = Value(ref reader).GetDateTimeOffset();
            else if (reader.ValueTextEquals("inleverdatum"u8)) loan.DueDate = Date(ref reader);
            else if (reader.ValueTextEquals("retourdatum"u8)) loan.ReturnedAt = TimeOrNull(ref reader);
            else if (reader.ValueTextEquals("verlengingen"u8)) loan.Renewals = Value(ref reader).GetInt32();
            else if (reader.ValueTextEquals("status"u8)) loan.Status = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("gastpasnummer"u8)) loan.GuestCardNumber = Value(ref reader).GetString();
            else Skip(ref reader);
        }
        Required(hasId, "uitlening", "uitleningId");
        Required(hasItem, "uitlening", "exemplaarId");
        Required(hasPatron, "uitlening", "patronSystemId");
        return loan;
    }

    private static WiseForeignItem? ForeignItem(ref Utf8JsonReader reader)
    {
        if (!StartsObject(ref reader, "vreemdExemplaar")) return null;
        var item = new WiseForeignItem();
        bool hasId = false, hasBarcode = false;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("innameId"u8)) (item.TakeInId, hasId) = (Value(ref reader).GetString()!, true);
            else if (reader.ValueTextEquals("exemplaarnummer"u8)) (item.Barcode, hasBarcode) = (Value(ref reader).GetString()!, true);
            else if (reader.ValueTextEquals("vestiging"u8)) item.BranchId = Value(ref reader).GetString();
            else if (reader.ValueTextEquals("ingenomenOp"u8)) item.TakenInAt = TimeOrNull(ref reader);
            else Skip(ref reader);
        }
        Required(hasId, "vreemdExemplaar", "innameId");
        Required(hasBarcode, "vreemdExemplaar", "exemplaarnummer");
        return item;
    }

    // The value after a property name, read with the reader's own getter (GetString, GetInt64, …), as the serializer's
    // converters read it: a getter throws on a token of another kind (a null for a number, a date or a boolean among
    // them), as the serializer does.
    private static ref Utf8JsonReader Value(ref Utf8JsonReader reader)
    {
        reader.Read();
        return ref reader;
    }

    private static DateTimeOffset? TimeOrNull(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
    }

    // The serializer reads a DateOnly from an ISO 8601 calendar date and nothing else.
    private static DateOnly? Date(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A date is not a string.");
        return DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    // After a property name: true at the start of the object's value, false for null; anything else is not the record.
    private static bool StartsObject(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return false;
        ExpectObject(ref reader, $"\"{name}\"");
        return true;
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"{what} is not an object.");
    }

    // The next property name of the object being read; false at its end.
    private static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    private static void Required(bool present, string record, string field)
    {
        if (!present) throw new JsonException($"\"{record}\" has no \"{field}\".");
    }
}
