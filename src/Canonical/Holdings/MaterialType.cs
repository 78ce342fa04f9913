namespace Lsb.Hub.Canonical.Holdings;

/// <summary>The canonical material type of a copy; vendor material codes map onto these in <c>mappings/</c>.</summary>
public enum MaterialType
{
    /// <summary>Printed book.</summary>
    Book,
    /// <summary>Large-print book.</summary>
    LargePrint,
    /// <summary>Audio book (CD, daisy).</summary>
    AudioBook,
    /// <summary>Music recording.</summary>
    Music,
    /// <summary>Film (DVD, Blu-ray).</summary>
    Video,
    /// <summary>Magazine or other serial issue.</summary>
    Serial,
    /// <summary>Game or toy.</summary>
    Game,
    /// <summary>Sheet music.</summary>
    SheetMusic,
    /// <summary>E-book (digital, KB platform).</summary>
    EBook,
    /// <summary>Anything else.</summary>
    Other,
}
