namespace Lsb.Hub.Marc;

/// <summary>Recovery when the directory does not agree with the data (lenient mode; strict mode throws at the first report).</summary>
internal sealed partial class Iso2709RecordParser
{
    private void RecoverFields(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> data, int baseAddress, ReadOnlySpan<int> positions, int entryCount, List<MarcField> fields)
    {
        var terminators = data.Count(Iso2709Bytes.FieldTerminator);
        var ordered = true;
        var last = -1;
        for (var e = 0; e < entryCount; e++)
        {
            var start = positions[2 * e];
            if (start >= 0)
            {
                ordered &= start >= last;
                last = start;
            }
        }

        if (terminators == entryCount && ordered)
        {
            // Typical damage: one length is off (a field grew past 9,999 bytes, an editor miscounted multi-byte
            // characters) and every later offset is shifted. The terminators are still right, so follow them.
            Report(MarcProblem.FieldLengthMismatch, MarcLeader.Length, "directory lengths/offsets do not match the field terminators; fields were located by their terminators, in directory order");
            var position = 0;
            for (var e = 0; e < entryCount; e++)
            {
                var end = position + data[position..].IndexOf(Iso2709Bytes.FieldTerminator);
                var tag = Iso2709Bytes.Tag(directory.Slice(e * Iso2709Bytes.DirectoryEntryLength, 3));
                fields.Add(CreateField(tag, data[position..end], baseAddress + position));
                position = end + 1;
            }

            return;
        }

        for (var e = 0; e < entryCount; e++)
        {
            var entry = directory.Slice(e * Iso2709Bytes.DirectoryEntryLength, Iso2709Bytes.DirectoryEntryLength);
            var entryOffset = MarcLeader.Length + (e * Iso2709Bytes.DirectoryEntryLength);
            var tag = Iso2709Bytes.Tag(entry[..3]);
            var start = positions[2 * e];
            var length = positions[(2 * e) + 1];
            if (start < 0 || length < 0)
            {
                Report(MarcProblem.BadDirectory, entryOffset, $"directory entry {e + 1} '{Escape(entry)}' does not hold a numeric length and offset; field dropped", tag: tag);
                continue;
            }

            if (start >= data.Length)
            {
                Report(MarcProblem.FieldOutOfBounds, entryOffset, $"directory entry {e + 1} starts at data offset {start}, past the end of the record's data ({data.Length} bytes); field dropped", tag: tag);
                continue;
            }

            if (length > 0 && start + length <= data.Length && data[start + length - 1] == Iso2709Bytes.FieldTerminator)
            {
                fields.Add(CreateField(tag, data.Slice(start, length - 1), baseAddress + start));
                continue;
            }

            var found = data[start..].IndexOf(Iso2709Bytes.FieldTerminator);
            var end = found < 0 ? data.Length : start + found;
            Report(
                start + length > data.Length ? MarcProblem.FieldOutOfBounds : MarcProblem.FieldLengthMismatch,
                entryOffset,
                $"directory entry {e + 1} says {length} bytes at data offset {start}, which does not end on a field terminator; read up to the next terminator ({end - start} bytes)",
                tag: tag);
            fields.Add(CreateField(tag, data[start..end], baseAddress + start));
        }
    }
}
