namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>
/// The V-smart answers a WireMock stub gives in normal operation for library DRD: 2 borrower entries (a new borrower and
/// a deletion), an OAI-PMH harvest of two pages (a record with two copies, a deleted record, then a record with one
/// copy: 3 holdings) and 1 loan entry — 6 changes.
/// </summary>
internal static class VSmartCannedFeed
{
    public const string Base = "/vsmart/sandbox-vsmart";
    public const int ChangeCount = 6;
    public const string SecondPageToken = "page-2-of-2";

    public const string Borrowers = """
        <lenerMutaties xmlns="urn:vsmart:webservices:1" laatsteMutatienummer="2">
          <mutatie nummer="1" soort="nieuw" datum="2026-11-20T10:00:00.0000000Z">
            <lener lenernummer="200001" bibliotheek="DRD" vestiging="DRD01"><pasnummer>21230000000001</pasnummer><voornaam>Anouk</voornaam><achternaam>Bakker</achternaam>
              <geboortedatum>1990-04-01</geboortedatum><adres><straat>Duinweg</straat><huisnummer>12</huisnummer><postcode>2042 AB</postcode><plaats>Zandvoort</plaats></adres>
              <categorie>01</categorie><status>OK</status><inschrijfdatum>2020-01-15</inschrijfdatum><geldigTot>2027-01-15</geldigTot><toestemmingKlantbeeld>ja</toestemmingKlantbeeld></lener>
          </mutatie>
          <mutatie nummer="2" soort="verwijdering" datum="2026-11-20T10:05:00.0000000Z"><lener lenernummer="200009" bibliotheek="DRD" vestiging="DRD02"/></mutatie>
        </lenerMutaties>
        """;

    public const string Loans = """
        <uitleenMutaties xmlns="urn:vsmart:webservices:1" laatsteMutatienummer="1">
          <mutatie nummer="1" soort="uitlening" datum="2026-11-20T12:02:00.0000000Z">
            <uitlening id="8000001" exemplaar="7000001" lener="200001" bibliotheek="DRD" vestiging="DRD01"><streepjescode>3123000000001</streepjescode>
              <titel>De stille rivier</titel><uitleendatum>2026-11-20T12:02:00.0000000Z</uitleendatum><vervaldatum>2026-12-11</vervaldatum><verlengingen>0</verlengingen><status>LE</status></uitlening>
          </mutatie>
        </uitleenMutaties>
        """;

    public static readonly string FirstPage = Envelope("""
        <ListRecords>
          <record><header><identifier>oai:sandbox-vsmart.vsmart.test:bib/3000001</identifier><datestamp>2026-11-20T12:00:00Z</datestamp><setSpec>library</setSpec><setSpec>library:DRD</setSpec></header>
            <metadata>
        """ + Record("3000001", "De stille rivier /", "Jansen, Jan", "9789023466123", 11,
            ("7000001", "3123000000001", "AV", "IBL", "DRD01"), ("7000002", "3123000000002", "CO", "LOC", "DRD02")) + """
            </metadata></record>
          <record><header status="deleted"><identifier>oai:sandbox-vsmart.vsmart.test:bib/3000002</identifier><datestamp>2026-11-20T12:00:30Z</datestamp></header></record>
          <resumptionToken completeListSize="3" cursor="0">page-2-of-2</resumptionToken>
        </ListRecords>
        """);

    public static readonly string SecondPage = Envelope("""
        <ListRecords>
          <record><header><identifier>oai:sandbox-vsmart.vsmart.test:bib/3000003</identifier><datestamp>2026-11-20T12:01:00Z</datestamp><setSpec>library:DRD</setSpec></header>
            <metadata>
        """ + Record("3000003", "Het verloren huis /", "Vries, Daan de", null, 13, ("7000003", "3123000000003", "IT", "IBL", "DRD01")) + """
            </metadata></record>
          <resumptionToken completeListSize="3" cursor="2"/>
        </ListRecords>
        """);

    public static readonly string Identify = Envelope("""
        <Identify><repositoryName>V-smart (stub)</repositoryName><baseURL>http://localhost/oai</baseURL><protocolVersion>2.0</protocolVersion>
          <adminEmail>oai@vsmart.test</adminEmail><earliestDatestamp>2026-01-01T00:00:00Z</earliestDatestamp><deletedRecord>persistent</deletedRecord>
          <granularity>YYYY-MM-DDThh:mm:ssZ</granularity></Identify>
        """);

    public static readonly string Sets = Envelope("""
        <ListSets><set><setSpec>library</setSpec><setName>Alle bibliotheken</setName></set><set><setSpec>library:DRD</setSpec><setName>Bibliotheek Duinrand</setName></set></ListSets>
        """);

    public static string Error(string code, string message) => Envelope($"""<error code="{code}">{message}</error>""");

    public static string Envelope(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-20T12:10:00Z</responseDate><request>http://localhost/oai</request>{body}</OAI-PMH>
        """;

    private static string Record(string number, string title, string author, string? isbn, long version, params (string Id, string Barcode, string Status, string Policy, string Branch)[] copies)
    {
        var items = string.Concat(copies.Select((c, i) => $"""
            <datafield tag="852" ind1="8" ind2=" "><subfield code="8">{i + 1}</subfield><subfield code="a">DRD</subfield><subfield code="b">{c.Branch}</subfield><subfield code="c">Volwassenen romans</subfield><subfield code="h">ROMAN JANS</subfield></datafield>
            <datafield tag="876" ind1=" " ind2=" "><subfield code="8">{i + 1}.1</subfield><subfield code="a">{c.Id}</subfield><subfield code="h">{c.Policy}</subfield><subfield code="j">{c.Status}</subfield><subfield code="p">{c.Barcode}</subfield><subfield code="t">1</subfield></datafield>
            """));
        var isbnField = isbn is null ? string.Empty : $"""<datafield tag="020" ind1=" " ind2=" "><subfield code="a">{isbn}</subfield></datafield>""";
        return $"""
            <record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 i 4500</leader><controlfield tag="001">{number}</controlfield>
            <controlfield tag="005">20261120120000.0</controlfield>{isbnField}
            <datafield tag="035" ind1=" " ind2=" "><subfield code="a">(PPN)123456789</subfield></datafield>
            <datafield tag="100" ind1="1" ind2=" "><subfield code="a">{author}</subfield></datafield>
            <datafield tag="245" ind1="1" ind2="0"><subfield code="a">{title}</subfield><subfield code="c">{author}</subfield></datafield>{items}
            <datafield tag="999" ind1=" " ind2=" "><subfield code="a">{number}</subfield><subfield code="m">BK</subfield><subfield code="v">{version}</subfield></datafield></record>
            """;
    }
}
