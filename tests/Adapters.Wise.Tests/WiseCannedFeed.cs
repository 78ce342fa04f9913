namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>The Wise answers a WireMock stub gives in normal operation: library 5101 with 2 updated patrons, 1 deleted
/// patron, 3 item mutations and 1 loan mutation (7 changes).</summary>
internal static class WiseCannedFeed
{
    public const string Base = "/wise/restapi";
    public const int ChangeCount = 7;

    public const string Libraries = """[{"libraryId":"5101","naam":"Bibliotheek Lindendal","vestigingen":[{"branchId":"510100","naam":"Centrale"}]}]""";

    public const string UpdatedPatrons = """
        {"totalCount":2,"offset":0,"limit":1000,"patrons":[
          {"patronSystemId":"100001","lastModified":"2026-11-20T10:00:00+00:00"},
          {"patronSystemId":"100002","lastModified":"2026-11-20T11:00:00+00:00"}]}
        """;

    public const string PatronInformation = """
        {"patrons":[
          {"patronSystemId":"100001","libraryId":"5101","pasnummer":"2510100000001","voornaam":"Anouk","achternaam":"Bakker","categorie":"VOLW","status":"ACT","vestiging":"510100","boetesaldo":0,"laatstGewijzigd":"2026-11-20T10:00:00+00:00"},
          {"patronSystemId":"100002","libraryId":"5101","pasnummer":"2510100000002","voornaam":"Daan","tussenvoegsel":"de","achternaam":"Vries","categorie":"JEUGD","status":"ACT","vestiging":"510101","boetesaldo":0,"laatstGewijzigd":"2026-11-20T11:00:00+00:00"}]}
        """;

    public const string DeletedPatrons = """
        {"totalCount":1,"offset":0,"limit":1000,"patrons":[{"patronSystemId":"100009","vestiging":"510100","deletedAt":"2026-11-21T09:00:00+00:00"}]}
        """;

    public const string ItemMutations = """
        {"libraryId":"5101","laatsteMutatienummer":3,"mutaties":[
          {"mutatienummer":1,"mutatiedatum":"2026-11-20T12:00:00+00:00","mutatiesoort":"NIEUW","exemplaar":{"exemplaarId":"5000001","exemplaarnummer":"3510100000001","titelnummer":"1000001","titel":"De stille rivier","materiaalsoort":"BOEK","vestiging":"510100","status":"BES","iblUitleenbaar":true,"tijdelijk":false}},
          {"mutatienummer":2,"mutatiedatum":"2026-11-20T12:01:00+00:00","mutatiesoort":"NIEUW","exemplaar":{"exemplaarId":"5000002","exemplaarnummer":"3510100000002","titelnummer":"1000002","titel":"Het verloren huis","materiaalsoort":"DVD","vestiging":"510101","status":"BES","iblUitleenbaar":false,"tijdelijk":false}},
          {"mutatienummer":3,"mutatiedatum":"2026-11-20T12:02:00+00:00","mutatiesoort":"WIJZIGING","exemplaar":{"exemplaarId":"5000001","exemplaarnummer":"3510100000001","titelnummer":"1000001","titel":"De stille rivier","materiaalsoort":"BOEK","vestiging":"510100","status":"UIT","iblUitleenbaar":true,"tijdelijk":false}}]}
        """;

    public const string LoanMutations = """
        {"libraryId":"5101","laatsteMutatienummer":1,"mutaties":[
          {"mutatienummer":1,"mutatiedatum":"2026-11-20T12:02:00+00:00","mutatiesoort":"UITLENING","uitlening":{"uitleningId":"9000001","exemplaarId":"5000001","exemplaarnummer":"3510100000001","titel":"De stille rivier","patronSystemId":"100001","vestiging":"510100","uitleendatum":"2026-11-20T12:02:00+00:00","inleverdatum":"2026-12-11","verlengingen":0,"status":"UIT"}}]}
        """;
}
