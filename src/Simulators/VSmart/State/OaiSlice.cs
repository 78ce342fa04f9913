namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>A page of a list: its items, whether more match after them, and (first page only) how many match in all.</summary>
internal sealed record OaiSlice(IReadOnlyList<OaiEntry> Entries, bool More, int? CompleteListSize);
