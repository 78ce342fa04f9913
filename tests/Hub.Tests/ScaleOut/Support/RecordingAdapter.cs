using Lsb.Hub.Adapters;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Tests.ScaleOut.Support;

/// <summary>A vendor's adapter that notes each change-feed read with the node that made it; everything else passes through.</summary>
public sealed class RecordingAdapter(IIlsAdapter inner, string node, string installation, PageReads reads) : IIlsAdapter
{
    public AdapterCapabilities Capabilities => inner.Capabilities;

    public Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);

    public async Task<ChangePage> ReadChangesAsync(string? cursor, int maxChanges, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        try
        {
            return await inner.ReadChangesAsync(cursor, maxChanges, cancellationToken);
        }
        finally
        {
            reads.Add(new PageRead(node, installation, started, DateTimeOffset.UtcNow));
        }
    }

    public CanonicalChange Translate(VendorChange change) => inner.Translate(change);

    public Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken) => inner.ExecuteAsync(command, cancellationToken);
}
