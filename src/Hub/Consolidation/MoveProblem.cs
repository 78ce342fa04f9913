namespace Lsb.Hub.Consolidation;

/// <summary>
/// One thing wrong with a requested move. <see cref="Code"/> is stable (for scripts), <see cref="Message"/> says what
/// is wrong and what to do. A move with any problem is refused whole: nothing changes.
/// </summary>
/// <param name="Code">e.g. <c>map.unmatched-old-id</c>, <c>hub.not-in-map</c>, <c>map.new-id-taken</c>.</param>
/// <param name="Entity">member, copy or loan; null for problems of the request or the file.</param>
/// <param name="Line">The CSV line, when the problem is one line.</param>
/// <param name="Id">The local id concerned (old or new, as the code says).</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record MoveProblem(string Code, string? Entity, int? Line, string? Id, string Message)
{
    /// <summary>A problem of the file or one of its lines.</summary>
    public static MoveProblem Map(string code, int? line, string message) => new(code, null, line, null, message);
}
