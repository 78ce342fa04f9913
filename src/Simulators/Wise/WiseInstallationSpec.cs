namespace Lsb.Hub.Simulators.Wise;

/// <summary>
/// One simulated Wise system (an installation). It is served under <c>{BaseAddress}/{Name}/restapi</c> and accepts
/// the WISE_KEY derived from <see cref="AppId"/> and <see cref="AppKey"/> (see <see cref="WiseKey"/>).
/// </summary>
/// <param name="Name">Path segment and the hub installation id it is meant for, e.g. <c>sandbox-wise</c>.</param>
/// <param name="AppId">The APP-ID (the same for every system in the real world).</param>
/// <param name="AppKey">The APP-KEY (one per system and environment). Test values only: NEVER a real key.</param>
/// <param name="Libraries">The library organisations it holds.</param>
public sealed record WiseInstallationSpec(string Name, string AppId, string AppKey, IReadOnlyList<WiseLibrarySpec> Libraries);
