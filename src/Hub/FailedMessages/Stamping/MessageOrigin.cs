using System.Collections.Concurrent;
using System.Reflection;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.FailedMessages.Stamping;

/// <summary>
/// Where a message comes from, read from its body: the installation it concerns and, where the message says, the
/// vendor's library id. Ingest messages are known; any other message with a public string property
/// <c>InstallationId</c> is read the same way, so later features are covered without registering anything.
/// </summary>
/// <param name="InstallationId">The installation, or null when the message names none.</param>
/// <param name="VendorLibraryId">The vendor's library id, or null.</param>
public sealed record MessageOrigin(string? InstallationId, string? VendorLibraryId)
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> InstallationProperties = new();

    /// <summary>No origin known.</summary>
    public static MessageOrigin Unknown { get; } = new(null, null);

    /// <summary>Reads the origin of <paramref name="message"/>.</summary>
    public static MessageOrigin Of(object? message) => message switch
    {
        null => Unknown,
        IngestChange change => new MessageOrigin(change.InstallationId, change.Change.VendorLibraryId),
        IngestChangePage page => new MessageOrigin(page.InstallationId,
            page.Changes.Select(c => c.VendorLibraryId).Distinct(StringComparer.Ordinal).Count() == 1 ? page.Changes[0].VendorLibraryId : null),
        _ => new MessageOrigin(ByConvention(message), null),
    };

    private static string? ByConvention(object message)
    {
        var property = InstallationProperties.GetOrAdd(message.GetType(), t =>
            t.GetProperty("InstallationId", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var pt } p && pt == typeof(string) ? p : null);
        return property?.GetValue(message) as string;
    }
}
