namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// What one document indexes for one field: the terms (text tokens in order, keyword values, or "true"/"false"),
/// and the numeric values of long/float/boolean fields (booleans sort as 0/1, as ES's doc values do).
/// </summary>
internal sealed class FieldValues(FieldType type)
{
    public FieldType Type { get; } = type;

    public List<string> Terms { get; } = [];

    public List<double> Numbers { get; } = [];
}
