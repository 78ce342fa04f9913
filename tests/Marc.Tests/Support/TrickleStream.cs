namespace Lsb.Hub.Marc.Tests.Support;

/// <summary>A non-seekable stream that hands out 1 to 7 bytes per read, to exercise buffer refills at every boundary.</summary>
internal sealed class TrickleStream(byte[] data, int seed) : Stream
{
    private readonly Random random = new(seed);
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(buffer.Length, random.Next(1, 8)), data.Length - position);
        data.AsSpan(position, n).CopyTo(buffer);
        position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Lets a test <c>await using</c> a stream it hands to an async reader.</summary>
internal static class StreamExtensions
{
    public static AsyncOwner ToAsyncDisposable(this Stream stream) => new(stream);

    internal sealed class AsyncOwner(Stream stream) : IAsyncDisposable
    {
        public Stream Stream { get; } = stream;

        public ValueTask DisposeAsync() => Stream.DisposeAsync();
    }
}
