using System.Text.Json;

namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// One Elasticsearch error object as it appears inside <c>{"error":…}</c>, a shard failure's <c>reason</c> or a
/// <c>caused_by</c> (ELASTICSEARCH.md §6). <see cref="Reason"/> may be null: Elasticsearch writes
/// <c>"reason":null</c> for exceptions without a message (e.g. <c>no_shard_available_action_exception</c>).
/// </summary>
/// <param name="Type">The snake_case exception type, e.g. <c>parsing_exception</c>.</param>
/// <param name="Reason">The message.</param>
/// <param name="Status">The HTTP status this error maps to.</param>
public sealed record ElasticsearchError(string Type, string? Reason, int Status)
{
    /// <summary>The cause, written as <c>caused_by</c>.</summary>
    public ElasticsearchError? CausedBy { get; init; }

    /// <summary>Line of the offending token (parsing_exception's <c>line</c>), 1-based; null when none.</summary>
    public int? Line { get; init; }

    /// <summary>Column of the offending token (<c>col</c>), 1-based bytes as Jackson counts; null when none.</summary>
    public int? Column { get; init; }

    /// <summary>Shard-level metadata (<c>index_uuid</c>, <c>shard</c>, <c>index</c>) and others, written in order after the reason.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = [];

    /// <summary>Writes the object's fields (without the enclosing braces' owner): type, reason, line/col, metadata, caused_by.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteFields(writer);
        writer.WriteEndObject();
    }

    internal void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteString("type", Type);
        if (Reason is null)
        {
            writer.WriteNull("reason");
        }
        else
        {
            writer.WriteString("reason", Reason);
        }

        if (Line is { } line && Column is { } column)
        {
            writer.WriteNumber("line", line);
            writer.WriteNumber("col", column);
        }

        foreach (var (key, value) in Metadata)
        {
            writer.WriteString(key, value);
        }

        if (CausedBy is not null)
        {
            writer.WritePropertyName("caused_by");
            CausedBy.WriteTo(writer);
        }
    }

    /// <summary>The whole REST error body <c>{"error":{"root_cause":[…],…},"status":N}</c> for an error raised directly (its own root cause).</summary>
    public string ToResponseJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Options))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("error");
            writer.WriteStartObject();
            writer.WritePropertyName("root_cause");
            writer.WriteStartArray();
            RootCause().WriteWithoutCause(writer);
            writer.WriteEndArray();
            WriteFields(writer);
            writer.WriteEndObject();
            writer.WriteNumber("status", Status);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The innermost cause (ES ElasticsearchException.guessRootCauses for a plain exception chain).</summary>
    public ElasticsearchError RootCause() => CausedBy?.RootCause() ?? this;

    private void WriteWithoutCause(Utf8JsonWriter writer) => (this with { CausedBy = null }).WriteTo(writer);
}
