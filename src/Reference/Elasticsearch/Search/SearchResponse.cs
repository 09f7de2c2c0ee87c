using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// A successful (possibly partial) search response in Elasticsearch's shape (ELASTICSEARCH.md §6, ES SearchResponse,
/// RestActions.buildBroadcastShardsHeader): <c>took</c>, <c>timed_out</c>, <c>_shards</c> with grouped
/// <c>failures</c> when any, <c>hits.total</c> (absent with <c>track_total_hits: false</c>), <c>max_score</c>, hits.
/// </summary>
/// <param name="Took">Milliseconds, as the caller's clock measured them.</param>
/// <param name="TotalShards">Shards targeted, unassigned ones included.</param>
/// <param name="Successful">Shards that answered (skipped ones included).</param>
/// <param name="Skipped">Shards skipped by can_match.</param>
/// <param name="Failures">Every failed shard, ungrouped (<see cref="FailedShards"/> counts them).</param>
/// <param name="TotalHits">Hit count, or null when not tracked.</param>
/// <param name="TotalHitsRelation"><c>eq</c> or <c>gte</c>.</param>
/// <param name="MaxScore">Best score, or null when scores are not tracked or there are no hits.</param>
/// <param name="Hits">The page of hits.</param>
public sealed record SearchResponse(
    long Took,
    int TotalShards,
    int Successful,
    int Skipped,
    IReadOnlyList<ShardFailure> Failures,
    long? TotalHits,
    string TotalHitsRelation,
    float? MaxScore,
    IReadOnlyList<SearchHit> Hits)
{
    /// <summary><c>_shards.failed</c>.</summary>
    public int FailedShards { get; init; } = Failures.Count;

    /// <summary>The JSON body (HTTP 200).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("took", Took);
            writer.WriteBoolean("timed_out", false);
            writer.WritePropertyName("_shards");
            writer.WriteStartObject();
            writer.WriteNumber("total", TotalShards);
            writer.WriteNumber("successful", Successful);
            writer.WriteNumber("skipped", Skipped);
            writer.WriteNumber("failed", FailedShards);
            if (Failures.Count > 0)
            {
                writer.WritePropertyName("failures");
                writer.WriteStartArray();
                foreach (var failure in ShardFailure.Group(Failures))
                {
                    failure.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WritePropertyName("hits");
            writer.WriteStartObject();
            if (TotalHits is { } total)
            {
                writer.WritePropertyName("total");
                writer.WriteStartObject();
                writer.WriteNumber("value", total);
                writer.WriteString("relation", TotalHitsRelation);
                writer.WriteEndObject();
            }

            WriteScore(writer, "max_score", MaxScore);
            writer.WritePropertyName("hits");
            writer.WriteStartArray();
            foreach (var hit in Hits)
            {
                writer.WriteStartObject();
                writer.WriteString("_index", hit.Index);
                writer.WriteString("_id", hit.Id);
                WriteScore(writer, "_score", hit.Score);
                writer.WritePropertyName("_source");
                writer.WriteRawValue(hit.SourceJson);
                if (hit.Sort is not null)
                {
                    writer.WritePropertyName("sort");
                    writer.WriteStartArray();
                    foreach (var value in hit.Sort)
                    {
                        value.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteScore(Utf8JsonWriter writer, string name, float? score)
    {
        if (score is { } s)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(s.ToString("R", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
