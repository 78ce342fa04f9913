using Lsb.Hub.CustomerView.Consent;
using Lsb.Hub.CustomerView.Persons;
using Lsb.Hub.CustomerView.View;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.CustomerView;

/// <summary>The customer view feature: person links, consent and the view (issue 8). See docs/customer-view.md.</summary>
public static class CustomerViewFeature
{
    /// <summary>Registers the services. Call before the bus is added (hosted services start in registration order).</summary>
    public static IServiceCollection AddCustomerView(this IServiceCollection services)
    {
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<CustomerAccess>();
        services.AddSingleton<CustomerViewQuery>();
        services.AddSingleton<IIngestParticipant, CustomerViewIngestParticipant>();
        services.AddHostedService<PersonLinkBackfill>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCustomerView(this IEndpointRouteBuilder app)
    {
        app.MapConsent();
        app.MapCustomerViewQuery();
        return app;
    }
}
