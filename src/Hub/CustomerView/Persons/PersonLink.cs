namespace Lsb.Hub.CustomerView.Persons;

/// <summary>A row of <c>member_persons</c>: the person a membership belongs to, and why.</summary>
/// <param name="PersonId">The person id (<c>psn-…</c>).</param>
/// <param name="LinkedBy">A <see cref="LinkReason"/>.</param>
public sealed record PersonLink(string PersonId, string LinkedBy);
