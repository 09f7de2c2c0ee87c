using Verified.Reference.Loki.Push;

namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// One stream's replication progress (distributor.go streamTracker): it is done after <see cref="MinSuccess"/>
/// replicas succeeded and fails the request once more than <see cref="MaxFailures"/> failed.
/// </summary>
internal sealed class StreamTracker(IngesterStream stream, int minSuccess, int maxFailures)
{
    private int _succeeded;
    private int _failed;

    public IngesterStream Stream { get; } = stream;

    /// <summary>|instances| − MaxErrors.</summary>
    public int MinSuccess { get; } = minSuccess;

    /// <summary>MaxErrors.</summary>
    public int MaxFailures { get; } = maxFailures;

    /// <summary>Counts a success; true exactly when this one reaches <see cref="MinSuccess"/>.</summary>
    public bool Succeed() => Interlocked.Increment(ref _succeeded) == MinSuccess;

    /// <summary>Counts a failure; true when the failures now exceed <see cref="MaxFailures"/>.</summary>
    public bool Fail() => Interlocked.Increment(ref _failed) > MaxFailures;
}
