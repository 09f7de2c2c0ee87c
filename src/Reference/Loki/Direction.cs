namespace Verified.Reference.Loki;

/// <summary>The order a log query returns entries in (logproto.Direction).</summary>
public enum Direction
{
    /// <summary>Oldest first (ts ascending).</summary>
    Forward,

    /// <summary>Newest first (ts descending); Loki's default for <c>query_range</c>.</summary>
    Backward,
}
