namespace Lsb.Hub.Canonical.Identity;

/// <summary>
/// A canonical id the hub assigns to a member, copy, loan or request. Canonical ids are random (UUID v7, so they
/// sort by creation time) and NEVER encode the installation or the vendor's local id: a library can move to another
/// installation without any canonical id changing. The string form is <c>{prefix}-{32 hex digits}</c>.
/// </summary>
public interface ICanonicalId<TSelf> where TSelf : struct, ICanonicalId<TSelf>
{
    /// <summary>The short prefix of the string form, such as <c>mbr</c>.</summary>
    static abstract string Prefix { get; }

    /// <summary>Wraps a UUID.</summary>
    static abstract TSelf FromGuid(Guid value);

    /// <summary>The UUID behind the id.</summary>
    Guid Value { get; }
}
