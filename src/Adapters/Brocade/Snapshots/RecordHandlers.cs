namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>Receives one record of an export: its key, its bytes, where it was (line or byte offset) and its number.</summary>
internal delegate void RecordHandler(ReadOnlySpan<byte> key, ReadOnlySpan<byte> record, long position, int ordinal);

/// <summary>Receives a record that could not be read (no key, bad framing, bad quoting), with the reason.</summary>
internal delegate void BrokenRecordHandler(long position, int ordinal, string problem, ReadOnlySpan<byte> raw);
