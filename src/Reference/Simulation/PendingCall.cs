namespace Verified.Reference.Simulation;

/// <summary>A call in flight, seen without its response type (for crash handling).</summary>
internal interface IPendingCall
{
    /// <summary>Fails the call unless it already finished.</summary>
    void Fail(CallFailure failure, string message);
}

/// <summary>
/// One call's outcome: the first of answer, failure, timeout or cancellation wins. A discarded call (the copy a
/// duplicating link delivers) has no caller, so it is cancelled instead of faulted and no exception goes unobserved.
/// Continuations run synchronously; the network never completes a call while holding its lock.
/// </summary>
internal sealed class PendingCall<TResponse>(bool discarded) : IPendingCall
{
    private readonly TaskCompletionSource<TResponse> _completion = new();

    public Task<TResponse> Task => _completion.Task;

    public void Fail(CallFailure failure, string message)
    {
        if (discarded)
        {
            _completion.TrySetCanceled();
        }
        else
        {
            _completion.TrySetException(new RemoteCallException(message, failure));
        }
    }

    public void Answer(TResponse response) => _completion.TrySetResult(response);

    /// <summary>The handler threw: the caller sees the same exception, as a remote error that did get an answer.</summary>
    public void Throw(Exception error)
    {
        if (discarded)
        {
            _completion.TrySetCanceled();
        }
        else
        {
            _completion.TrySetException(error);
        }
    }

    public void Cancel(CancellationToken token) => _completion.TrySetCanceled(token);
}
