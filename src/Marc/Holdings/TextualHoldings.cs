namespace Lsb.Hub.Marc.Holdings;

/// <summary>One 866/867/868 textual holdings statement, e.g. <c>v.1-v.25 (1980-2004)</c>.</summary>
public sealed record TextualHoldings(
    TextualHoldingsKind Kind,
    string Statement,
    IReadOnlyList<string> PublicNotes,
    IReadOnlyList<string> NonpublicNotes,
    string? LinkAndSequence,
    char FieldEncodingLevel,
    char TypeOfNotation);
