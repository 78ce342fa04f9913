namespace Lsb.Hub.Ibl.Steps;

/// <summary>Wolverine handler of <see cref="IblStepDue"/>.</summary>
public sealed class IblStepHandler(IblStepRunner runner)
{
    /// <summary>Runs the step.</summary>
    public Task Handle(IblStepDue message, CancellationToken cancellationToken) => runner.RunAsync(message, cancellationToken);
}
