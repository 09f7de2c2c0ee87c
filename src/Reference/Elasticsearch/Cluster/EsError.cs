namespace Verified.Reference.Elasticsearch.Cluster;

/// <summary>An Elasticsearch error as the REST layer shows it: <c>{"type","reason"}</c> and the HTTP status (ELASTICSEARCH.md §6).</summary>
/// <param name="Type">Snake-case exception name, e.g. <c>unavailable_shards_exception</c>.</param>
/// <param name="Reason">The exact message text.</param>
/// <param name="Status">The HTTP status.</param>
public sealed record EsError(string Type, string Reason, int Status)
{
    /// <summary>503 <c>[idx][0] primary shard is not active Timeout: [1m], request: [...]</c> (ES ReplicationOperation / TransportReplicationAction).</summary>
    public static EsError PrimaryNotActive(ShardId shard, string timeout, string request) =>
        new("unavailable_shards_exception", $"{shard} primary shard is not active Timeout: [{timeout}], request: [{request}]", 503);

    /// <summary>503 for wait_for_active_shards (ES ActiveShardCount / ReplicationOperation).</summary>
    public static EsError NotEnoughActiveCopies(ShardId shard, string required, int have, int needed, string timeout, string request) =>
        new("unavailable_shards_exception", $"{shard} Not enough active copies to meet shard count of [{required}] (have {have}, needed {needed}). Timeout: [{timeout}], request: [{request}]", 503);

    /// <summary>409 for op_type=create on an existing document (ES VersionConflictEngineException).</summary>
    public static EsError AlreadyExists(string id, long current) =>
        new("version_conflict_engine_exception", $"[{id}]: version conflict, document already exists (current version [{current}])", 409);

    /// <summary>404 <c>no such index [i]</c>.</summary>
    public static EsError IndexNotFound(string index) => new("index_not_found_exception", $"no such index [{index}]", 404);

    /// <summary>400 for a required routing value that is missing (ES RoutingMissingException).</summary>
    public static EsError RoutingMissing(string index, string id) => new("routing_missing_exception", $"routing is required for [{index}]/[{id}]", 400);

    /// <summary>400 for an empty <c>_id</c> (ES IndexRequest.validate).</summary>
    public static EsError EmptyId() => new("action_request_validation_exception", "Validation Failed: 1: if _id is specified it must not be empty;", 400);

    /// <summary>400 for an id over 512 UTF-8 bytes (ES IndexRequest.validate).</summary>
    public static EsError IdTooLong(string id, int bytes) =>
        new("action_request_validation_exception", $"Validation Failed: 1: id [{id}] is too long, must be no longer than 512 bytes but was: {bytes};", 400);

    /// <summary>An operation under a term older than the copy's (ES IndexShard: <c>operation primary term [t] is too old (current [t'])</c>).</summary>
    public static EsError TermTooOld(ShardId shard, long term, long current) =>
        new("illegal_state_exception", $"{shard} operation primary term [{term}] is too old (current [{current}])", 500);

    /// <summary>The master's answer to a shard-failed report from a demoted primary (ES ShardStateAction.NoLongerPrimaryShardException).</summary>
    public static EsError NoLongerPrimary(long term, long current) =>
        new("no_longer_primary_shard_exception", $"primary term [{term}] did not match current primary term [{current}]", 500);

    /// <summary>A copy that is not (or no longer) the active primary on this node (ES ShardNotInPrimaryModeException, simplified).</summary>
    public static EsError NotPrimaryHere(ShardId shard) => new("shard_not_in_primary_mode_exception", $"{shard} shard is not in primary mode", 503);
}

/// <summary>An <see cref="EsError"/> raised as an exception (crosses the simulated network as the remote's answer).</summary>
public sealed class EsException : Exception
{
    /// <summary>Wraps <paramref name="error"/>.</summary>
    public EsException(EsError error)
        : base($"{error.Type}: {error.Reason}") => Error = error;

    /// <summary>The error.</summary>
    public EsError Error { get; }
}
