namespace Lsb.Hub.Adapters.VSmart.Oai;

/// <summary>One record of an OAI-PMH list: header and, unless deleted, the metadata element as read (MARCXML).</summary>
/// <param name="Identifier">The OAI identifier.</param>
/// <param name="Datestamp">The header datestamp.</param>
/// <param name="Deleted">The header has <c>status="deleted"</c> (no metadata).</param>
/// <param name="Metadata">The metadata's root element as XML text, or null for a deleted record.</param>
internal sealed record OaiRecord(string Identifier, DateTimeOffset Datestamp, bool Deleted, string? Metadata);
