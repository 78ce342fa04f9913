namespace Lsb.Hub.Ibl.Process;

/// <summary>The request was just created: start the process.</summary>
public sealed record RequestPlaced(string Actor, string Cause) : IblInput(Actor, Cause);
