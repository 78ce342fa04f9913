using System.Buffers;

namespace Lsb.Hub.Marc;

/// <summary>Buffer management: compaction, growth and refills from the stream.</summary>
internal sealed partial class Iso2709Framer
{
    /// <summary>Makes room and reads more bytes synchronously.</summary>
    public void Fill()
    {
        var room = PrepareFill();
        var read = stream.Read(buffer, end, room);
        Filled(read);
    }

    /// <summary>Makes room and reads more bytes asynchronously.</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        var room = PrepareFill();
        var read = await stream.ReadAsync(buffer.AsMemory(end, room), cancellationToken).ConfigureAwait(false);
        Filled(read);
    }

    private int PrepareFill()
    {
        if (start > 0)
        {
            var live = end - start;
            Array.Copy(buffer, start, buffer, 0, live);
            bufferOffset += start;
            start = 0;
            end = live;
        }

        if (end == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Array.Copy(buffer, larger, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        return buffer.Length - end;
    }

    private void Filled(int read)
    {
        if (read <= 0)
        {
            endOfStream = true;
        }
        else
        {
            end += read;
        }
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
