using System.Text;
using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// A failed search: ES SearchPhaseExecutionException, written as
/// <c>{"error":{"root_cause":[…],"type":"search_phase_execution_exception","reason":…,"phase":"query","grouped":true,
/// "failed_shards":[…][,"caused_by":…]},"status":N}</c>. Reasons: <c>all shards failed</c>, <c>Partial shards failure</c>
/// (allow_partial_search_results=false), or the missing-shards rejection. The status is the first shard failure's,
/// replaced by any later one that is ≥ 500; with no shard failures, 503 (ES SearchPhaseExecutionException.status).
/// </summary>
/// <param name="Reason">The reason text.</param>
/// <param name="Failures">The failed shards, ungrouped.</param>
public sealed record SearchPhaseError(string Reason, IReadOnlyList<ShardFailure> Failures)
{
    /// <summary>The phase name written as <c>phase</c>.</summary>
    public string Phase { get; init; } = "query";

    /// <summary>The HTTP status.</summary>
    public int Status
    {
        get
        {
            if (Failures.Count == 0)
            {
                return 503;
            }

            var status = Failures[0].Reason.Status;
            foreach (var failure in Failures.Skip(1))
            {
                if (failure.Reason.Status >= 500)
                {
                    status = failure.Reason.Status;
                }
            }

            return status;
        }
    }

    /// <summary>The JSON body.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Options))
        {
            var grouped = ShardFailure.Group(Failures);
            writer.WriteStartObject();
            writer.WritePropertyName("error");
            writer.WriteStartObject();
            writer.WritePropertyName("root_cause");
            writer.WriteStartArray();
            if (grouped.Count == 0)
            {
                writer.WriteStartObject();
                WriteOwnFields(writer, grouped);
                writer.WriteEndObject();
            }

            foreach (var failure in grouped)
            {
                (failure.Reason.RootCause() with { CausedBy = null }).WriteTo(writer);
            }

            writer.WriteEndArray();
            WriteOwnFields(writer, grouped);
            if (Failures.Count > 0)
            {
                writer.WritePropertyName("caused_by");
                Failures[0].Reason.RootCause().WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.WriteNumber("status", Status);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteOwnFields(Utf8JsonWriter writer, IReadOnlyList<ShardFailure> grouped)
    {
        writer.WriteString("type", "search_phase_execution_exception");
        writer.WriteString("reason", Reason);
        writer.WriteString("phase", Phase);
        writer.WriteBoolean("grouped", true);
        writer.WritePropertyName("failed_shards");
        writer.WriteStartArray();
        foreach (var failure in grouped)
        {
            failure.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}
