using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.Sip2;

/// <summary>The fault the server injects, and for how many more answers, and how long it waits before answering (thread-safe).</summary>
internal sealed class Sip2Faults
{
    private readonly Lock _gate = new();
    private Sip2Fault _fault;
    private int _remaining;
    private TimeSpan _answerDelay;

    public TimeSpan AnswerDelay
    {
        get { lock (_gate) return _answerDelay; }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) _answerDelay = value;
        }
    }

    public void Set(Sip2Fault fault, int times)
    {
        lock (_gate)
        {
            _fault = fault;
            _remaining = fault == Sip2Fault.None ? 0 : times;
        }
    }

    /// <summary>The fault in force, without using it up.</summary>
    public Sip2Fault Current
    {
        get { lock (_gate) return _remaining > 0 ? _fault : Sip2Fault.None; }
    }

    /// <summary>Takes one use of <paramref name="fault"/> if it is the fault in force.</summary>
    public bool Take(Sip2Fault fault)
    {
        lock (_gate)
        {
            if (_fault != fault || _remaining <= 0) return false;
            if (_remaining != int.MaxValue) _remaining--;
            return true;
        }
    }
}
