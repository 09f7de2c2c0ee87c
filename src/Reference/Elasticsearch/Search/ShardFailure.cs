using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// A shard that did not answer the query phase (ES ShardSearchFailure): written as
/// <c>{"shard":0,"index":"i","node":"n","reason":{…}}</c>; <c>node</c> is null when no copy could be tried.
/// </summary>
/// <param name="ShardIndex">The shard's position in the request.</param>
/// <param name="ShardId">The shard number.</param>
/// <param name="Index">The index name.</param>
/// <param name="NodeId">The node of the last copy tried, or null.</param>
/// <param name="Reason">The cause.</param>
public sealed record ShardFailure(int ShardIndex, int ShardId, string Index, string? NodeId, ElasticsearchError Reason)
{
    /// <summary>Writes the failure object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("shard", ShardId);
        writer.WriteString("index", Index);
        if (NodeId is null)
        {
            writer.WriteNull("node");
        }
        else
        {
            writer.WriteString("node", NodeId);
        }

        writer.WritePropertyName("reason");
        Reason.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>
    /// ES ExceptionsHelper.groupBy, applied by default to <c>_shards.failures</c> and <c>failed_shards</c>
    /// (<c>group_shard_failures=true</c>): one entry per distinct (index, cause type, cause message), the first kept.
    /// </summary>
    public static IReadOnlyList<ShardFailure> Group(IEnumerable<ShardFailure> failures) =>
        failures.DistinctBy(f => (f.Index, f.Reason.Type, f.Reason.Reason)).ToList();
}
