using Polly;

namespace Lsb.Hub.Adapters.VSmart.Http;

/// <summary>Runs every call of one installation through that installation's pipeline. GETs may be retried after a
/// timeout; a POST only when its NCIP service only reads (marked by the caller).</summary>
internal sealed class VSmartResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var marked = ((IDictionary<string, object?>)request.Options).TryGetValue(VSmartResilience.RetryableKey, out var value) && value is true;
        context.Properties.Set(VSmartResilience.Retryable, request.Method == HttpMethod.Get || marked);
        try
        {
            return await pipeline.ExecuteAsync(
                async (ctx, self) => await self.SendOnceAsync(request, ctx.CancellationToken), context, this);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);
}
