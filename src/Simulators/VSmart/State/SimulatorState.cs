namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>All installations the simulator serves, by name.</summary>
internal sealed class SimulatorState
{
    private readonly Dictionary<string, InstallationState> _installations = new(StringComparer.Ordinal);

    public SimulatorState(VSmartSimulatorOptions options)
    {
        Options = options;
        foreach (var spec in options.Installations)
        {
            if (spec.Name.StartsWith('_'))
                throw new ArgumentException($"Installation name '{spec.Name}' may not start with '_' (reserved for /_sim).", nameof(options));
            _installations.Add(spec.Name, new InstallationState(spec, options));
        }
    }

    public VSmartSimulatorOptions Options { get; }

    public IReadOnlyCollection<InstallationState> All => _installations.Values;

    public InstallationState? Find(string name) => _installations.GetValueOrDefault(name);

    public InstallationState Require(string name)
        => Find(name) ?? throw new VSmartSimulatorException(404, "INSTALLATION_NOT_FOUND",
            $"The simulator serves no installation '{name}' (it serves: {string.Join(", ", _installations.Keys)}).");
}
