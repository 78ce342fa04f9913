namespace Lsb.Hub.Marc.Holdings;

/// <summary>One 852 Location field: where the holdings are and under which call number.</summary>
public sealed record HoldingsLocation
{
    /// <summary>$a location (institution or branch code, often an ISIL).</summary>
    public string? Institution { get; init; }

    /// <summary>$b sublocation or collection (repeatable).</summary>
    public IReadOnlyList<string> Sublocations { get; init; } = [];

    /// <summary>$c shelving location (first occurrence).</summary>
    public string? ShelvingLocation { get; init; }

    /// <summary>$k call number prefix.</summary>
    public string? CallNumberPrefix { get; init; }

    /// <summary>$h classification part.</summary>
    public string? ClassificationPart { get; init; }

    /// <summary>$i item part (repeatable).</summary>
    public IReadOnlyList<string> ItemParts { get; init; } = [];

    /// <summary>$m call number suffix.</summary>
    public string? CallNumberSuffix { get; init; }

    /// <summary>$j shelving control number (for collections not shelved by class).</summary>
    public string? ShelvingControlNumber { get; init; }

    /// <summary>$p piece designation (a barcode when the 852 describes one copy).</summary>
    public string? PieceDesignation { get; init; }

    /// <summary>$t copy number.</summary>
    public string? CopyNumber { get; init; }

    /// <summary>$z public notes.</summary>
    public IReadOnlyList<string> PublicNotes { get; init; } = [];

    /// <summary>$x nonpublic notes.</summary>
    public IReadOnlyList<string> NonpublicNotes { get; init; } = [];

    /// <summary>$8 field link and sequence number.</summary>
    public string? LinkAndSequence { get; init; }

    /// <summary>First indicator: shelving scheme (0 LC, 1 DDC, 8 other, blank unknown, ...).</summary>
    public char ShelvingScheme { get; init; } = ' ';

    /// <summary>
    /// The call number as shelved: prefix, classification part, item parts and suffix joined by blanks; the
    /// shelving control number when there is no classification; null when the 852 has none of these.
    /// </summary>
    public string? CallNumber
    {
        get
        {
            var parts = new List<string>();
            AddIfPresent(parts, CallNumberPrefix);
            AddIfPresent(parts, ClassificationPart);
            foreach (var item in ItemParts)
            {
                AddIfPresent(parts, item);
            }

            AddIfPresent(parts, CallNumberSuffix);
            return parts.Count > 0 ? string.Join(' ', parts) : ShelvingControlNumber;
        }
    }

    private static void AddIfPresent(List<string> parts, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(value.Trim());
        }
    }
}
