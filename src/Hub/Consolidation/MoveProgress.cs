namespace Lsb.Hub.Consolidation;

/// <summary>How far a move is.</summary>
/// <param name="Members">Members in the map.</param>
/// <param name="Copies">Copies in the map.</param>
/// <param name="Loans">Loans in the map.</param>
/// <param name="Rebound">Map lines whose new id already names the canonical entity.</param>
/// <param name="Percent">Rough share done (rebinding 0–70, waiting 80, overlap 90, completed 100).</param>
public sealed record MoveProgress(long Members, long Copies, long Loans, long Rebound, double Percent);
