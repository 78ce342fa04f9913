namespace Lsb.Hub.Ibl.Process;

/// <summary>
/// Something that happened to a request: an action of a library, an adapter's answer, a timer, an ISO 18626
/// message. <see cref="IblStateMachine"/> decides what it means.
/// </summary>
/// <param name="Actor">Who or what caused it, for the history (<c>key:{name}</c>, <c>iso18626:{agency}</c>, <c>adapter:{installation}</c>, <c>timer</c>, <c>hub</c>).</param>
/// <param name="Cause">The kind of cause for the canonical events: <c>borrower</c>, <c>lender</c>, <c>adapter</c>, <c>timer</c>, <c>iso18626</c> or <c>hub</c>.</param>
public abstract record IblInput(string Actor, string Cause);
