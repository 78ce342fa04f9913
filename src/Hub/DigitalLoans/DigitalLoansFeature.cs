using Lsb.Hub.Ingest;

namespace Lsb.Hub.DigitalLoans;

/// <summary>Digital loan intake from the KB e-book platform (issue 8).</summary>
public static class DigitalLoansFeature
{
    /// <summary>Registers the services.</summary>
    public static IServiceCollection AddDigitalLoans(this IServiceCollection services)
    {
        services.AddOptions<DigitalLoanOptions>().BindConfiguration(DigitalLoanOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DigitalLoanIntake>();
        services.AddSingleton<IIngestParticipant, DigitalLoanMatchParticipant>();
        return services;
    }
}
