namespace Verified.Conformance.Lifecycle;

/// <summary>
/// An independent statement of a lifecycle — states, allowed changes, restart rules, disallowed-change text —
/// written by hand from the upstream source as a cross-check of the spec's generated table.
/// </summary>
public sealed record LifecycleModel(
    string Name,
    IReadOnlyList<string> States,
    IReadOnlySet<(string From, string To)> Allowed,
    IReadOnlyDictionary<string, string> OnRestart,
    Func<string, string, string> Disallowed)
{
    /// <summary>
    /// dskit's ring instance (grafana/dskit ring/lifecycler.go @06829887): the states of ring.proto, the changes
    /// changeState allows, and initRing's resume rules for an instance that finds its own entry.
    /// </summary>
    public static LifecycleModel DskitInstance { get; } = new(
        "Instance",
        ["ACTIVE", "LEAVING", "PENDING", "JOINING", "LEFT"],
        new HashSet<(string, string)>
        {
            ("PENDING", "JOINING"), ("JOINING", "PENDING"), ("JOINING", "ACTIVE"), ("PENDING", "ACTIVE"), ("ACTIVE", "LEAVING"),
        },
        new Dictionary<string, string> { ["JOINING"] = "PENDING", ["LEAVING"] = "ACTIVE" },
        (from, to) => $"changing instance state from {from} -> {to} is disallowed");

    /// <summary>A Loki ingester process: a dskit service whose Starting phase replays the WAL, then joins the ring.</summary>
    public static LifecycleModel LokiIngester { get; } = new(
        "Ingester",
        ["NEW", "REPLAYING", "JOINING", "RUNNING", "STOPPING", "STOPPED", "FAILED"],
        new HashSet<(string, string)>
        {
            ("NEW", "REPLAYING"), ("REPLAYING", "JOINING"), ("REPLAYING", "FAILED"), ("JOINING", "RUNNING"),
            ("JOINING", "FAILED"), ("RUNNING", "STOPPING"), ("STOPPING", "STOPPED"),
        },
        new Dictionary<string, string>(),
        (from, to) => $"ingester cannot change from {from} to {to}");

    /// <summary>A chunk in a Loki ingester (loki pkg/ingester/flush.go): removed only after a successful flush.</summary>
    public static LifecycleModel LokiChunk { get; } = new(
        "Chunk",
        ["OPEN", "CLOSED", "FLUSHING", "FLUSHED", "REMOVED"],
        new HashSet<(string, string)>
        {
            ("OPEN", "CLOSED"), ("CLOSED", "FLUSHING"), ("FLUSHING", "CLOSED"), ("FLUSHING", "FLUSHED"), ("FLUSHED", "REMOVED"),
        },
        new Dictionary<string, string>(),
        (from, to) => $"chunk cannot change from {from} to {to}");
}
