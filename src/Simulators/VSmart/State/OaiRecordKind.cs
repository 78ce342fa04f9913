namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>The two kinds of OAI-PMH items the repository holds.</summary>
internal enum OaiRecordKind
{
    /// <summary>Bibliographic records with embedded 852/876 holdings (marcxml, oai_dc).</summary>
    Bibliographic,
    /// <summary>MARC 21 holdings records, one per title and branch (marcxml-holdings).</summary>
    Holdings,
}
