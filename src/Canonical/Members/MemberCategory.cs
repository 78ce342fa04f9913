namespace Lsb.Hub.Canonical.Members;

/// <summary>The canonical patron category; vendor categories map onto these in <c>mappings/</c>.</summary>
public enum MemberCategory
{
    /// <summary>Adult member.</summary>
    Adult,
    /// <summary>Member under 18.</summary>
    Youth,
    /// <summary>Senior (65+) membership.</summary>
    Senior,
    /// <summary>Student membership.</summary>
    Student,
    /// <summary>Staff of the library.</summary>
    Staff,
    /// <summary>Another library or institution (used for interlibrary loan).</summary>
    Institution,
    /// <summary>Any other category.</summary>
    Other,
}
