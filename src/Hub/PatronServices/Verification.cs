namespace Lsb.Hub.PatronServices;

/// <summary>The result of <see cref="MemberVerifier"/>: an outcome, the verdict when verified, and for failures a sentence
/// and when to try again. Holds no card number or PIN.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Verdict">For <see cref="VerificationOutcome.Verified"/>: the member and their standing.</param>
/// <param name="Message">For failures: what happened and what to do.</param>
/// <param name="RetryAfter">For <see cref="VerificationOutcome.Throttled"/> and <see cref="VerificationOutcome.HomeUnavailable"/>.</param>
public sealed record Verification(VerificationOutcome Outcome, MemberVerdict? Verdict = null, string? Message = null, TimeSpan? RetryAfter = null);
