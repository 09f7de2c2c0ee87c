namespace Verified.Reference.Loki.Ingester;

/// <summary>The states of the ingester lifecycle table (spec/loki.yaml <c>lifecycles.Ingester</c>) this code drives.</summary>
public static class IngesterStates
{
    /// <summary>Constructed, not started.</summary>
    public const string New = "NEW";

    /// <summary>Replaying the WAL (checkpoint, then segments).</summary>
    public const string Replaying = "REPLAYING";

    /// <summary>Replay done; the ring lifecycler may start now.</summary>
    public const string Joining = "JOINING";

    /// <summary>Serving pushes, flushing, checkpointing.</summary>
    public const string Running = "RUNNING";

    /// <summary>Shutting down: pushes get <c>Ingester is shutting down</c>.</summary>
    public const string Stopping = "STOPPING";

    /// <summary>Stopped.</summary>
    public const string Stopped = "STOPPED";

    /// <summary>Start failed (replay or ring join).</summary>
    public const string Failed = "FAILED";

    /// <summary>Every state the ingester uses.</summary>
    public static IReadOnlyList<string> All { get; } = [New, Replaying, Joining, Running, Stopping, Stopped, Failed];
}
