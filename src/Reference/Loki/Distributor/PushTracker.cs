using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// The request's progress (distributor.go PushTracker): answered with null once every stream is done, or with
/// the error of the first stream that went past its failures. The two cannot both happen: a stream past its
/// failures can no longer reach its successes.
/// </summary>
internal sealed class PushTracker(int streams)
{
    private readonly TaskCompletionSource<PushResponse?> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending = streams;
    private int _failed;

    /// <summary>Null when all streams reached quorum, else the failing ingester's answer.</summary>
    public Task<PushResponse?> Answer => _answer.Task;

    /// <summary>Whether the answer is known.</summary>
    public bool IsAnswered => _answer.Task.IsCompleted;

    /// <summary>A stream reached quorum.</summary>
    public void StreamDone()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _answer.TrySetResult(null);
        }
    }

    /// <summary>A stream went past its failures; only the first such error is the answer.</summary>
    public void StreamFailed(PushResponse error)
    {
        if (Interlocked.Increment(ref _failed) == 1)
        {
            _answer.TrySetResult(error);
        }
    }
}
