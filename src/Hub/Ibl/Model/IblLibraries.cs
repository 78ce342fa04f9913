using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Ibl.Model;

/// <summary>
/// When two agency ids are the same library for interlibrary loan: equal ids, or two Dutch ISILs of one legal entity
/// (<c>NL-TTRRRR…</c>: a library and its branches). A branch's copies are its library's; its key acts for them.
/// </summary>
public static class IblLibraries
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are the same library.</summary>
    public static bool SameLibrary(string? a, string? b)
    {
        if (a is null || b is null) return false;
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) return true;
        return Isil.TryParse(a, out var x, out _) && Isil.TryParse(b, out var y, out _) && x.IsDutch && y.IsDutch
            && x.Value.AsSpan(0, 9).SequenceEqual(y.Value.AsSpan(0, 9));
    }
}
