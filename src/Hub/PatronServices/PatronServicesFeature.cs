using Lsb.Hub.Ingest;
using Lsb.Hub.PatronServices.Authentication;
using Lsb.Hub.PatronServices.GuestLending;
using Lsb.Hub.PatronServices.Returns;

namespace Lsb.Hub.PatronServices;

/// <summary>Patron services (issue 13): national patron authentication, guest lending and return anywhere.
/// See docs/patron-services.md.</summary>
public static class PatronServicesFeature
{
    /// <summary>Registers the services and the validated <see cref="PatronServicesOptions"/>.</summary>
    public static IServiceCollection AddPatronServices(this IServiceCollection services)
    {
        services.AddOptions<PatronServicesOptions>().BindConfiguration(PatronServicesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICardFailureLog, DatabaseCardFailureLog>();
        services.AddSingleton<AuthenticationThrottle>();
        services.AddSingleton<HomeMemberships>();
        services.AddSingleton<IlsCalls>();
        services.AddSingleton<UnionHoldings>();
        services.AddSingleton<MemberVerifier>();
        services.AddSingleton<GuestLoanService>();
        services.AddSingleton<IGuestLoanSource, GuestLoanSource>();
        services.AddSingleton<ReturnService>();
        services.AddSingleton<IForeignCopyReturns, ForeignReturns>();
        return services;
    }

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPatronServices(this IEndpointRouteBuilder app)
    {
        app.MapPatronAuthentication();
        app.MapGuestLoans();
        app.MapReturns();
        return app;
    }
}
