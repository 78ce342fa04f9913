namespace Lsb.Hub.Adapters.VSmart.Oai;

/// <summary>One OAI-PMH response: its responseDate, the records, the resumption token (null or empty: the list is
/// complete), or the protocol error the repository answered with.</summary>
internal sealed record OaiPage(DateTimeOffset ResponseDate, IReadOnlyList<OaiRecord> Records, string? ResumptionToken, string? ErrorCode, string? ErrorMessage)
{
    public bool IsComplete => string.IsNullOrEmpty(ResumptionToken);
}
