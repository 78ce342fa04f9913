using Polly;

namespace Lsb.Hub.Adapters.Wise.Http;

/// <summary>Runs every call of one installation through that installation's pipeline.</summary>
internal sealed class WiseResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(WiseResilience.Retryable, request.Method != HttpMethod.Post);
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
