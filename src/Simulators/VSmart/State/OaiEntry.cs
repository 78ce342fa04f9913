namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>One OAI-PMH item as a list or GetRecord returns it. For a holdings item, <see cref="Title"/> holds only the
/// copies of <see cref="BranchCode"/>.</summary>
internal sealed record OaiEntry(string Identifier, OaiRecordKind Kind, DateTimeOffset Datestamp, long Revision, IReadOnlyList<string> Sets, bool Deleted,
    TitleSnapshot Title, string? BranchCode);
