namespace Lsb.Hub.Marc.Holdings;

/// <summary>Which textual holdings field a statement came from.</summary>
public enum TextualHoldingsKind
{
    /// <summary>866: basic bibliographic unit.</summary>
    BasicUnit,

    /// <summary>867: supplementary material.</summary>
    Supplements,

    /// <summary>868: indexes.</summary>
    Indexes,
}
