namespace Lsb.Hub.Marc;

/// <summary>What kind of record leader/06 (type of record) says this is.</summary>
public enum MarcRecordKind
{
    /// <summary>Leader/06 holds a value MARC 21 does not define.</summary>
    Unknown = 0,

    /// <summary>Bibliographic: leader/06 a, c, d, e, f, g, i, j, k, m, o, p, r, t.</summary>
    Bibliographic,

    /// <summary>Authority: leader/06 z.</summary>
    Authority,

    /// <summary>Holdings, single-part item: leader/06 x.</summary>
    HoldingsSinglePart,

    /// <summary>Holdings, serial item: leader/06 y.</summary>
    HoldingsSerial,

    /// <summary>Holdings, multipart item: leader/06 v.</summary>
    HoldingsMultipart,

    /// <summary>Holdings, unknown item type: leader/06 u.</summary>
    HoldingsUnknown,

    /// <summary>Classification: leader/06 w.</summary>
    Classification,

    /// <summary>Community information: leader/06 q.</summary>
    Community,
}
