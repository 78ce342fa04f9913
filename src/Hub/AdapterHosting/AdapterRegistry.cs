using System.Collections.Concurrent;
using Lsb.Hub.Adapters;
using Lsb.Hub.Installations;

namespace Lsb.Hub.AdapterHosting;

/// <summary>
/// One adapter per registered installation, created by the vendor's <see cref="IIlsAdapterFactory"/> and kept until
/// the registry changes. The hub reaches installations only through this class and <see cref="IIlsAdapter"/>.
/// </summary>
public sealed class AdapterRegistry : IDisposable
{
    private readonly Dictionary<Canonical.Installations.Vendor, IIlsAdapterFactory> _factories;
    private readonly InstallationStore _store;
    private readonly ConcurrentDictionary<string, Lazy<Task<IIlsAdapter>>> _adapters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Canonical.Installations.InstallationDescriptor> _builtFrom = new(StringComparer.Ordinal);

    /// <summary>Creates the registry.</summary>
    public AdapterRegistry(IEnumerable<IIlsAdapterFactory> factories, InstallationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _factories = factories.ToDictionary(f => f.Vendor);
        _store = store;
        _store.Changed += Clear;
    }

    /// <summary>The adapter of a registered installation.</summary>
    /// <exception cref="UnknownInstallationException">The installation is not registered, or its vendor has no adapter in this hub.</exception>
    public async Task<IIlsAdapter> ForAsync(string installationId, CancellationToken cancellationToken)
    {
        var lazy = _adapters.GetOrAdd(installationId, id => new Lazy<Task<IIlsAdapter>>(() => CreateAsync(id, cancellationToken)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed creation is not cached: the next message tries again (the registry or configuration may be fixed).
            _adapters.TryRemove(new KeyValuePair<string, Lazy<Task<IIlsAdapter>>>(installationId, lazy));
            throw;
        }
    }

    /// <summary>
    /// The adapter of a registered installation as it is registered now: when its libraries changed since the cached
    /// adapter was made (a library moved in or out on another hub node, whose <see cref="InstallationStore.Changed"/>
    /// this node never sees), the adapter is made anew. For commands, which must reach the library's installation of
    /// the moment (Consolidation); costs one registry read.
    /// </summary>
    /// <exception cref="UnknownInstallationException">The installation is not registered, or its vendor has no adapter in this hub.</exception>
    public async Task<IIlsAdapter> CurrentAsync(string installationId, CancellationToken cancellationToken)
    {
        var installation = await _store.GetAsync(installationId, cancellationToken)
            ?? throw new UnknownInstallationException($"Installation '{installationId}' is not registered (it may have been deleted): register it again, then replay the message.");
        return For(installation);
    }

    /// <summary>
    /// The adapter for an installation just read from the registry: made anew when the cached one was built from other
    /// libraries (see <see cref="CurrentAsync"/>). <paramref name="installation"/> MUST be as registered now, not a copy
    /// kept from earlier: an older copy would bring back the adapter of before a move.
    /// </summary>
    public IIlsAdapter For(Installation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (_builtFrom.TryGetValue(installation.Id, out var built) && !SameLibraries(built, installation.Descriptor)) Forget(installation.Id);
        var lazy = _adapters.GetOrAdd(installation.Id, _ => new Lazy<Task<IIlsAdapter>>(() => Task.FromResult(Create(installation))));
        try
        {
            return lazy.Value.GetAwaiter().GetResult();
        }
        catch
        {
            _adapters.TryRemove(new KeyValuePair<string, Lazy<Task<IIlsAdapter>>>(installation.Id, lazy));
            throw;
        }
    }

    /// <summary>Forgets every adapter (after a registry change); the next use creates them anew.</summary>
    public void Clear()
    {
        foreach (var key in _adapters.Keys)
        {
            if (_adapters.TryRemove(key, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
                && lazy.Value.Result is IDisposable disposable)
                disposable.Dispose();
        }
    }

    /// <summary>Forgets one installation's adapter (its registration changed); the next use creates it anew.</summary>
    public void Forget(string installationId)
    {
        if (_adapters.TryRemove(installationId, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully
            && lazy.Value.Result is IDisposable disposable)
            disposable.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _store.Changed -= Clear;
        Clear();
    }

    private async Task<IIlsAdapter> CreateAsync(string installationId, CancellationToken cancellationToken)
    {
        var installation = await _store.GetAsync(installationId, cancellationToken);
        if (installation is null)
        {
            throw new UnknownInstallationException($"Installation '{installationId}' is not registered (it may have been deleted): register it again, then replay the message.");
        }
        return Create(installation);
    }

    private IIlsAdapter Create(Installation installation)
    {
        if (!_factories.TryGetValue(installation.Descriptor.Vendor, out var factory))
            throw new UnknownInstallationException($"No adapter for vendor {installation.Descriptor.Vendor} is configured in this hub (installation '{installation.Id}').");
        _builtFrom[installation.Id] = installation.Descriptor;
        return factory.Create(installation.Descriptor);
    }

    private static bool SameLibraries(Canonical.Installations.InstallationDescriptor a, Canonical.Installations.InstallationDescriptor b)
        => a.Libraries.Select(l => (l.Isil.Value, l.VendorLibraryId)).Order().SequenceEqual(b.Libraries.Select(l => (l.Isil.Value, l.VendorLibraryId)).Order());
}
