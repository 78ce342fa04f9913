using System.Globalization;
using System.Text;
using System.Xml;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart.Ws;

/// <summary>
/// The XML of V-smart's borrower and loan web services: <c>&lt;lenerMutaties&gt;</c> and <c>&lt;uitleenMutaties&gt;</c>,
/// each with <c>laatsteMutatienummer</c> (the newest change number) and one <c>&lt;mutatie nummer soort datum&gt;</c>
/// per change holding the record as it was right after that change.
/// </summary>
internal static class FeedXml
{
    public const string Namespace = "urn:vsmart:webservices:1";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    public static byte[] Borrowers(IReadOnlyList<FeedEntry<BorrowerRecord>> entries, long last)
        => Write("lenerMutaties", last, entries, (xml, e) =>
        {
            var b = e.Record;
            xml.WriteStartElement("lener", Namespace);
            xml.WriteAttributeString("lenernummer", b.BorrowerId);
            xml.WriteAttributeString("bibliotheek", b.LibraryId);
            xml.WriteAttributeString("vestiging", b.BranchCode);
            if (e.Kind != VSmartCodes.BorrowerRemoved)
            {
                Element(xml, "pasnummer", b.CardNumber);
                Element(xml, "voornaam", b.GivenName);
                Element(xml, "tussenvoegsel", b.NamePrefix);
                Element(xml, "achternaam", b.FamilyName);
                Element(xml, "geboortedatum", Day(b.BirthDate));
                Element(xml, "geslacht", b.Gender);
                xml.WriteStartElement("adres", Namespace);
                Element(xml, "straat", b.Street);
                Element(xml, "huisnummer", b.HouseNumber);
                Element(xml, "postcode", b.Postcode);
                Element(xml, "plaats", b.City);
                xml.WriteEndElement();
                Element(xml, "email", b.Email);
                Element(xml, "categorie", b.Category);
                Element(xml, "status", b.Status);
                Element(xml, "inschrijfdatum", Day(b.RegisteredOn));
                Element(xml, "geldigTot", Day(b.ValidUntil));
                Element(xml, "saldo", b.Fines.ToString("0.00", CultureInfo.InvariantCulture));
                Element(xml, "toestemmingKlantbeeld", b.ConsentIntegralView switch { true => "ja", false => "nee", null => null });
                Element(xml, "laatsteUitleendatum", b.LastLoanDate is { } last ? Day(last) : null);
            }
            xml.WriteEndElement();
        });

    public static byte[] Loans(IReadOnlyList<FeedEntry<LoanRecord>> entries, long last)
        => Write("uitleenMutaties", last, entries, (xml, e) =>
        {
            var l = e.Record;
            if (e.Kind == VSmartCodes.ForeignItemTakenIn)
            {
                xml.WriteStartElement("vreemdExemplaar", Namespace);
                xml.WriteAttributeString("id", l.LoanId);
                xml.WriteAttributeString("bibliotheek", l.LibraryId);
                xml.WriteAttributeString("vestiging", l.BranchCode);
                Element(xml, "streepjescode", l.Barcode);
                Element(xml, "ingenomenOp", Moment(l.LentAt));
                xml.WriteEndElement();
                return;
            }
            xml.WriteStartElement("uitlening", Namespace);
            xml.WriteAttributeString("id", l.LoanId);
            xml.WriteAttributeString("exemplaar", l.ItemId);
            xml.WriteAttributeString("lener", l.BorrowerId);
            xml.WriteAttributeString("bibliotheek", l.LibraryId);
            xml.WriteAttributeString("vestiging", l.BranchCode);
            Element(xml, "streepjescode", l.Barcode);
            Element(xml, "titel", l.Title);
            Element(xml, "uitleendatum", Moment(l.LentAt));
            Element(xml, "vervaldatum", Day(l.DueDate));
            Element(xml, "inleverdatum", l.ReturnedAt is { } r ? Moment(r) : null);
            Element(xml, "verlengingen", l.Renewals.ToString(CultureInfo.InvariantCulture));
            Element(xml, "status", l.Status);
            Element(xml, "gastpasnummer", l.GuestCardNumber);
            xml.WriteEndElement();
        });

    private static byte[] Write<T>(string root, long last, IReadOnlyList<FeedEntry<T>> entries, Action<XmlWriter, FeedEntry<T>> record)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartElement(root, Namespace);
            xml.WriteAttributeString("laatsteMutatienummer", last.ToString(CultureInfo.InvariantCulture));
            foreach (var entry in entries)
            {
                xml.WriteStartElement("mutatie", Namespace);
                xml.WriteAttributeString("nummer", entry.Number.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("soort", entry.Kind);
                xml.WriteAttributeString("datum", Moment(entry.At));
                record(xml, entry);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (value is not null) xml.WriteElementString(name, Namespace, value);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
