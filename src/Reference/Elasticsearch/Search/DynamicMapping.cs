namespace Verified.Reference.Elasticsearch.Search;

/// <summary>
/// An index's mapping as dynamic mapping grows it: dotted field path → type. Shard copies of one index share one
/// instance (in Elasticsearch the master publishes one mapping per index); a standalone <see cref="ShardIndex"/>
/// gets its own. Additions from a document are applied only when the whole document parsed, so a rejected
/// document never leaves a field behind.
/// </summary>
public sealed class DynamicMapping
{
    private readonly Dictionary<string, FieldType> _fields = new(StringComparer.Ordinal);

    /// <summary>Every mapped path (objects, fields and <c>.keyword</c> sub-fields).</summary>
    public IReadOnlyDictionary<string, FieldType> Fields => _fields;

    /// <summary>The type of <paramref name="path"/>, or null when unmapped.</summary>
    public FieldType? TypeOf(string path) => _fields.TryGetValue(path, out var type) ? type : null;

    internal void Apply(IReadOnlyDictionary<string, FieldType> additions)
    {
        foreach (var (path, type) in additions)
        {
            _fields.TryAdd(path, type);
        }
    }
}
