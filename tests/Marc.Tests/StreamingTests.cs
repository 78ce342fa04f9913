using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>The readers stream: records come out one by one, sync and async agree, and nothing needs the whole file.</summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task When_a_file_is_read_asynchronously_Should_give_the_same_records_as_synchronously()
    {
        var path = Path.Combine(Corpus.Marc, "large/marc4j__pride-and-prejudice-fixed.mrc");
        var sync = Iso2709Reader.ReadFile(path).Select(r => MarcLineWriter.ToText(r)).ToList();

        var async = new List<string>();
        await using var stream = new TrickleStream(File.ReadAllBytes(path), seed: 7).ToAsyncDisposable();
        await foreach (var record in Iso2709Reader.ReadAllAsync(stream.Stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            async.Add(MarcLineWriter.ToText(record));
        }

        Assert.Equal(383, sync.Count);
        Assert.Equal(sync, async);
    }

    [Fact]
    public async Task When_marcxml_is_read_asynchronously_Should_give_the_same_records_as_synchronously()
    {
        var path = Path.Combine(Corpus.Marc, "xml/lc-m2bf__dnb.xml");
        var sync = MarcXmlReader.ReadFile(path).Select(r => MarcLineWriter.ToText(r)).ToList();

        var async = new List<string>();
        await using var stream = File.OpenRead(path);
        await foreach (var record in MarcXmlReader.ReadAllAsync(stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            async.Add(MarcLineWriter.ToText(record));
        }

        Assert.Equal(99, sync.Count);
        Assert.Equal(sync, async);
    }

    [Fact]
    public void When_the_stream_never_ends_Should_still_hand_out_records_one_at_a_time()
    {
        var seed = File.ReadAllBytes(Path.Combine(Corpus.Marc, "large/marc4j__pride-and-prejudice-fixed.mrc"));
        using var endless = new EndlessStream(seed);

        var first = Iso2709Reader.ReadAll(endless, MarcReaderOptions.Strict).Take(5_000).Count();

        Assert.Equal(5_000, first);
        Assert.True(endless.BytesServed < 20 * 1024 * 1024, $"the reader pulled {endless.BytesServed:N0} bytes for 5,000 records");
    }

    /// <summary>Repeats a seed forever; counts what was read.</summary>
    private sealed class EndlessStream(byte[] seed) : Stream
    {
        private long position;

        public long BytesServed => position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var start = (int)(position % seed.Length);
            var n = Math.Min(count, seed.Length - start);
            Array.Copy(seed, start, buffer, offset, n);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
