using System.Net;
using System.Text;
using System.Xml.Linq;
using Lsb.Hub.Adapters.VSmart.Http;
using Lsb.Hub.Canonical.Commands;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lsb.Hub.Adapters.VSmart.Ncip;

/// <summary>
/// Sends NCIP messages to one installation (HTTP POST, XML) and reads the answers. Transport faults become results:
/// a message that changes something and timed out is <see cref="CommandOutcome.Unknown"/> (it may have been carried out;
/// it is never sent twice), other faults <see cref="CommandOutcome.Transient"/>, refused credentials
/// <see cref="RejectionReason.Unauthorized"/>. An answer that is not an NCIP response throws <see cref="IlsProtocolException"/>.
/// </summary>
internal sealed class NcipClient(VSmartConnection connection)
{
    public async Task<NcipAnswer> SendAsync(XElement message, bool readOnly, string what, CancellationToken cancellationToken)
    {
        var service = message.Elements().First().Name.LocalName;
        HttpResponseMessage response;
        try
        {
            using var content = new StringContent(NcipRequests.Text(message), Encoding.UTF8, "application/xml");
            response = await connection.SendAsync((api, c) => api.Ncip(connection.Options.NcipPath, content, readOnly, c), what, cancellationToken);
        }
        catch (IlsUnavailableException e) when (!readOnly && e.InnerException is TimeoutRejectedException or OperationCanceledException)
        {
            return new(null, new CommandResult
            {
                Outcome = CommandOutcome.Unknown,
                Message = e.Message + " The command may or may not have been carried out: read the state before trying again.",
            });
        }
        catch (IlsUnavailableException e)
        {
            var retryAfter = e.InnerException is BrokenCircuitException ? connection.Options.CircuitBreakDuration : (TimeSpan?)null;
            return new(null, CommandResult.Transient(e.Message, retryAfter));
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    return new(null, CommandResult.Rejected(RejectionReason.Unauthorized, connection.CredentialsRefused($"HTTP {(int)response.StatusCode}", what).Message));
                if (VSmartResilience.IsTransient(response.StatusCode))
                    return new(null, CommandResult.Transient($"{connection.Name} kept failing while {what} (HTTP {(int)response.StatusCode})."));
                throw await connection.FailureAsync(response, what, cancellationToken);
            }
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var answer = NcipResponseReader.Parse(text, connection.Name);
            if (!answer.IsProblem && answer.Service != service)
                throw new IlsProtocolException($"{connection.Name} answered {what} ({service}) with a {answer.Service} response.");
            return new(answer, null);
        }
    }
}
