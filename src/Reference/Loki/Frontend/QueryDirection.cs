namespace Verified.Reference.Loki.Frontend;

/// <summary>The order of a log query's entries (loki pkg/logproto Direction; the HTTP default is backward).</summary>
public enum QueryDirection
{
    /// <summary>Oldest first.</summary>
    Forward,

    /// <summary>Newest first.</summary>
    Backward,
}
