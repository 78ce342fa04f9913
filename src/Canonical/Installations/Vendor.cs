namespace Lsb.Hub.Canonical.Installations;

/// <summary>The library-system vendors the hub has adapters for.</summary>
public enum Vendor
{
    /// <summary>OCLC Wise (REST/JSON).</summary>
    Wise,
    /// <summary>Infor V-smart (OAI-PMH and NCIP 2.02).</summary>
    VSmart,
    /// <summary>Cipal/Anet Brocade (SIP2 and batch exports).</summary>
    Brocade,
}
