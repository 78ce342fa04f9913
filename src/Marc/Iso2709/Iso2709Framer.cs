using System.Buffers;

namespace Lsb.Hub.Marc;

/// <summary>
/// Finds record boundaries in a stream using one pooled buffer (the file is NEVER held in memory; the buffer grows
/// only to hold the largest record, up to <see cref="MarcReaderOptions.MaxRecordBytes"/>). Skips filler between records,
/// and when the leader's length is wrong resynchronises on the record terminator (0x1D).
/// </summary>
internal sealed partial class Iso2709Framer : IDisposable
{
    private const int InitialBufferSize = 256 * 1024;
    private readonly Stream stream;
    private readonly int maxRecordBytes;
    private byte[] buffer;
    private int start;
    private int end;
    private bool endOfStream;
    private bool discarding;
    private long bufferOffset;
    private long skipOffset = -1;
    private int skipFiller;
    private int skipGarbage;

    public Iso2709Framer(Stream stream, int maxRecordBytes)
    {
        this.stream = stream;
        this.maxRecordBytes = Math.Max(maxRecordBytes, Iso2709Bytes.MaxRecordLength + 1);
        buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>Problems met while framing, to attach to the next record (or to the file if none follows).</summary>
    public List<MarcDiagnostic>? Pending { get; set; }

    /// <summary>Number given to the next record.</summary>
    public int NextRecordNumber { get; private set; } = 1;

    public ReadOnlySpan<byte> Buffer => buffer;

    /// <summary>Tries to frame the next record from buffered bytes only.</summary>
    public FrameStatus TryFrame(out int recordStart, out int recordLength, out long recordOffset)
    {
        recordStart = recordLength = 0;
        recordOffset = 0;
        if (discarding && !Discard())
        {
            return endOfStream ? FrameStatus.End : FrameStatus.NeedMore;
        }

        SkipBetweenRecords();
        if (start == end)
        {
            if (endOfStream)
            {
                FlushSkipped(NextRecordNumber - 1);
                return FrameStatus.End;
            }

            return FrameStatus.NeedMore;
        }

        var available = end - start;
        if (available < MarcLeader.Length && !endOfStream)
        {
            return FrameStatus.NeedMore;
        }

        recordOffset = bufferOffset + start;
        if (available < MarcLeader.Length)
        {
            FlushSkipped(NextRecordNumber);
            AddPending(NextRecordNumber, recordOffset, MarcProblem.TruncatedRecord, $"the file ends with {available} byte(s) that are too short for a leader: '{Iso2709RecordParser.Escape(buffer.AsSpan(start, available))}'");
            start = end;
            return FrameStatus.End;
        }

        var span = buffer.AsSpan(start, available);
        var declared = Iso2709Bytes.ParseDigits(span[..5]);
        if (declared > MarcLeader.Length)
        {
            if (available >= declared)
            {
                if (span[declared - 1] == Iso2709Bytes.RecordTerminator)
                {
                    FlushSkipped(NextRecordNumber);
                    return Framed(declared - 1, declared, out recordStart, out recordLength);
                }
            }
            else if (!endOfStream)
            {
                return FrameStatus.NeedMore;
            }
        }

        return FrameDamaged(span, declared, recordOffset, out recordStart, out recordLength);
    }

    private FrameStatus FrameDamaged(ReadOnlySpan<byte> span, int declared, long recordOffset, out int recordStart, out int recordLength)
    {
        recordStart = recordLength = 0;
        var terminator = span[MarcLeader.Length..].IndexOf(Iso2709Bytes.RecordTerminator);
        if (terminator < 0)
        {
            if (!endOfStream && span.Length < maxRecordBytes)
            {
                return FrameStatus.NeedMore;
            }

            FlushSkipped(NextRecordNumber);
            if (!endOfStream)
            {
                AddPending(NextRecordNumber, recordOffset, MarcProblem.RecordTooLong, $"no record terminator within {maxRecordBytes:N0} bytes; the record was skipped up to the next terminator");
                discarding = true;
                start = end;
                return FrameStatus.NeedMore;
            }

            AddPending(NextRecordNumber, recordOffset, MarcProblem.TruncatedRecord, $"the file ends inside this record after {span.Length} byte(s) (leader says {FormatDeclared(span)}); what is there was read");
            return Framed(span.Length, span.Length, out recordStart, out recordLength);
        }

        var actual = MarcLeader.Length + terminator + 1;
        FlushSkipped(NextRecordNumber);
        if (declared > MarcLeader.Length && actual > declared && LooksLikeLeader(span[declared..]))
        {
            AddPending(NextRecordNumber, recordOffset, MarcProblem.RecordLengthMismatch, $"no record terminator at the {declared} bytes the leader declares, and the next record starts there; the terminator is missing");
            return Framed(declared, declared, out recordStart, out recordLength);
        }

        if (declared < 0)
        {
            AddPending(NextRecordNumber, recordOffset, MarcProblem.BadRecordLength, $"leader/00-04 '{FormatDeclared(span)}' is not a number; the record was taken up to its terminator ({actual} bytes)");
        }
        else if (declared != actual)
        {
            AddPending(NextRecordNumber, recordOffset, MarcProblem.RecordLengthMismatch, $"the leader says {declared} bytes but the record terminator comes after {actual} bytes; the terminator was trusted");
        }

        if (actual > Iso2709Bytes.MaxRecordLength)
        {
            AddPending(NextRecordNumber, recordOffset, MarcProblem.RecordTooLong, $"the record is {actual:N0} bytes, over the ISO 2709 limit of 99,999; read anyway");
        }

        return Framed(actual - 1, actual, out recordStart, out recordLength);
    }

    private static string FormatDeclared(ReadOnlySpan<byte> span) => Iso2709RecordParser.Escape(span[..5]);

    private static bool LooksLikeLeader(ReadOnlySpan<byte> next)
        => next.Length >= MarcLeader.Length && Iso2709Bytes.ParseDigits(next[..5]) > MarcLeader.Length
            && next[20] == (byte)'4' && next[21] == (byte)'5';

    private FrameStatus Framed(int length, int consumed, out int recordStart, out int recordLength)
    {
        recordStart = start;
        recordLength = length;
        start += consumed;
        NextRecordNumber++;
        return FrameStatus.Record;
    }

    private bool Discard()
    {
        var found = buffer.AsSpan(start, end - start).IndexOf(Iso2709Bytes.RecordTerminator);
        if (found < 0)
        {
            start = end;
            return false;
        }

        start += found + 1;
        discarding = false;
        NextRecordNumber++;
        return true;
    }

    private void SkipBetweenRecords()
    {
        while (start < end)
        {
            var b = buffer[start];
            if ((uint)(b - '0') <= 9)
            {
                return;
            }

            if (skipOffset < 0)
            {
                skipOffset = bufferOffset + start;
            }

            if (Iso2709Bytes.IsFiller(b))
            {
                skipFiller++;
            }
            else
            {
                skipGarbage++;
            }

            start++;
        }
    }

    private void FlushSkipped(int recordNumber)
    {
        if (skipOffset < 0)
        {
            return;
        }

        if (skipGarbage > 0)
        {
            AddPending(recordNumber, skipOffset, MarcProblem.GarbageSkipped, $"skipped {skipGarbage + skipFiller} byte(s) that are not a record ({skipGarbage} not filler) before the next leader");
        }
        else
        {
            AddPending(recordNumber, skipOffset, MarcProblem.FillerSkipped, $"skipped {skipFiller} filler byte(s) (NUL, SUB, blank or line end) {(recordNumber < NextRecordNumber ? "after the last record" : "before this record")}", MarcDiagnosticSeverity.Warning);
        }

        skipOffset = -1;
        skipFiller = skipGarbage = 0;
    }

    private void AddPending(int recordNumber, long offset, MarcProblem problem, string message, MarcDiagnosticSeverity severity = MarcDiagnosticSeverity.Error)
        => (Pending ??= []).Add(new MarcDiagnostic(recordNumber, offset, severity, problem, message));
}
