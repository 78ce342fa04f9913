namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>What a change-list entry says about a record.</summary>
internal enum ChangeOp : byte
{
    /// <summary>The record as it is now (new or changed; in a delta, every row).</summary>
    Row = 1,
    /// <summary>In the previous full export, not in this one: deleted (the record is the old one).</summary>
    Gone = 2,
    /// <summary>A record that could not be read; the problem says why.</summary>
    Broken = 3,
}
