using System.Text.Json.Serialization.Metadata;
using Lsb.Hub.Adapters.Wise.Http;
using Lsb.Hub.Adapters.Wise.Mapping;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lsb.Hub.Adapters.Wise.Commands;

/// <summary>
/// Carries out canonical commands against one Wise installation. Business refusals become
/// <see cref="CommandOutcome.Rejected"/> with a reason, transient faults <see cref="CommandOutcome.Transient"/>, a POST
/// whose answer was lost <see cref="CommandOutcome.Unknown"/>; an unreadable answer throws <see cref="IlsProtocolException"/>.
/// </summary>
internal sealed partial class WiseCommandExecutor(WiseConnection connection, WiseMappings mappings)
{
    private string Installation => connection.Installation.Id.Value;

    public Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Resolve(command.Isil) is not { } target)
        {
            return Task.FromResult(CommandResult.Rejected(RejectionReason.InvalidRequest,
                $"ISIL {command.Isil} is not a library of Wise installation '{Installation}': register it with the installation, " +
                $"or add its branch to {mappings.Branches.DisplayPath}."));
        }
        return command switch
        {
            LookupPatron c => LookupPatronAsync(c, target, cancellationToken),
            AuthenticatePatron c => AuthenticatePatronAsync(c, target, cancellationToken),
            PlaceHold c => PlaceHoldAsync(c, target, cancellationToken),
            CancelHold c => CancelHoldAsync(c, target, cancellationToken),
            CheckOut c => CheckOutAsync(c, target, cancellationToken),
            CheckIn c => CheckInAsync(c, target, cancellationToken),
            RenewLoan c => RenewAsync(c, target, cancellationToken),
            CreateTemporaryItem c => CreateTemporaryItemAsync(c, target, cancellationToken),
            DeleteTemporaryItem c => DeleteTemporaryItemAsync(c, target, cancellationToken),
            _ => Task.FromResult(CommandResult.NotSupported($"The Wise adapter does not carry out {command.GetType().Name}.")),
        };
    }

    private WiseTarget? Resolve(Isil isil)
    {
        var branches = mappings.BranchesWithIsil(Installation, isil).ToList();
        foreach (var library in connection.Installation.Libraries)
        {
            if (library.Isil == isil)
                return new WiseTarget(library.VendorLibraryId, branches.FirstOrDefault(b => b.LibraryId == library.VendorLibraryId).BranchId);
        }
        foreach (var (libraryId, branchId) in branches)
        {
            if (connection.Installation.Libraries.Any(l => l.VendorLibraryId == libraryId)) return new WiseTarget(libraryId, branchId);
        }
        return null;
    }

    private async Task<WiseAnswer<T>> SendAsync<T>(string what, Func<IWiseApi, CancellationToken, Task<HttpResponseMessage>> call, JsonTypeInfo<T> type,
        bool isPost, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await connection.SendAsync(call, what, cancellationToken);
        }
        catch (IlsUnavailableException e) when (isPost && e.InnerException is TimeoutRejectedException or OperationCanceledException)
        {
            return new(default, null, new CommandResult
            {
                Outcome = CommandOutcome.Unknown,
                Message = e.Message + " The command may or may not have been carried out: read the state before trying again.",
            });
        }
        catch (IlsUnavailableException e)
        {
            var retryAfter = e.InnerException is BrokenCircuitException ? connection.Options.CircuitBreakDuration : (TimeSpan?)null;
            return new(default, null, CommandResult.Transient(e.Message, retryAfter));
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return new(await connection.ParseAsync(response, type, what, cancellationToken), null, null);
            var failure = await WiseFailure.ReadAsync(response, cancellationToken);
            if (failure.IsKeyRefused)
                return new(default, null, CommandResult.Rejected(RejectionReason.Unauthorized, connection.KeyRefused(failure, what).Message, failure.Code));
            if (WiseResilience.IsTransient(response.StatusCode))
                return new(default, null, CommandResult.Transient($"Wise installation '{Installation}' kept failing while {what} ({failure})."));
            return new(default, failure, null);
        }
    }

    private static CommandResult Refused(RejectionReason reason, WiseFailure failure, string doing)
        => CommandResult.Rejected(reason, $"Wise refused {doing}: {failure.Message}", failure.Code);

    private static CommandResult AlreadyDone(string message, string? rawStatus) => new() { Outcome = CommandOutcome.AlreadyDone, Message = message, RawStatus = rawStatus };
}
