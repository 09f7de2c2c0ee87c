namespace Verified.Reference.Loki.Ingester;

/// <summary>Why a chunk was flushed (loki pkg/ingester/flush.go <c>flushReason*</c>), checked in this order.</summary>
public static class FlushReasons
{
    /// <summary>Closed by the synchronized cut.</summary>
    public const string Synced = "synced";

    /// <summary>Closed because the next entry did not fit.</summary>
    public const string Full = "full";

    /// <summary>Not appended to for longer than <c>chunk_idle_period</c>.</summary>
    public const string Idle = "idle";

    /// <summary>Its entries span more than <c>max_chunk_age</c>.</summary>
    public const string MaxAge = "max_age";

    /// <summary>Flushed on request (<c>/flush</c>, shutdown).</summary>
    public const string Forced = "forced";

    /// <summary>The ring no longer gives this ingester the stream.</summary>
    public const string NotOwned = "not_owned";
}
