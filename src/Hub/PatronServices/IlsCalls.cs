using Lsb.Hub.AdapterHosting;
using Lsb.Hub.Adapters;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.PatronServices;

/// <summary>
/// Carries out one canonical command at an installation for a request that waits for the answer, after checking the
/// adapter declares the capability it needs (otherwise <see cref="CommandOutcome.NotSupported"/>). Faults become results:
/// an unreachable installation is <see cref="CommandOutcome.Transient"/>; a registry, credential or protocol fault is
/// <see cref="CommandOutcome.Rejected"/> with <see cref="RejectionReason.Unauthorized"/> and the adapter's sentence.
/// Commands carry card numbers and PINs: NEVER log the command or the adapter's message here.
/// </summary>
public sealed class IlsCalls(AdapterRegistry adapters)
{
    /// <summary>Runs <paramref name="command"/> at <paramref name="installationId"/>.</summary>
    public async Task<CommandResult> ExecuteAsync(string installationId, IlsCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var adapter = await adapters.CurrentAsync(installationId, cancellationToken);
            var needed = Needs(command);
            if (!adapter.Capabilities.Supports(needed))
                return CommandResult.NotSupported($"Installation '{installationId}' ({adapter.Capabilities.Vendor}) does not offer {needed} through the hub.");
            return await adapter.ExecuteAsync(command, cancellationToken);
        }
        catch (IlsUnavailableException e)
        {
            return CommandResult.Transient($"Installation '{installationId}' did not answer ({e.Message}). Try again later.", TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is IlsProtocolException or UnknownInstallationException)
        {
            return CommandResult.Rejected(RejectionReason.Unauthorized,
                $"Installation '{installationId}' could not be asked: {e.Message} Hub operators must fix this; the request changed nothing.");
        }
    }

    /// <summary>The capability a command needs (docs/adapters.md: check before choosing a workflow).</summary>
    private static AdapterFeatures Needs(IlsCommand command) => command switch
    {
        AuthenticatePatron => AdapterFeatures.PatronAuthentication,
        CheckOut or CheckIn => AdapterFeatures.Circulation,
        _ => AdapterFeatures.None,
    };
}
