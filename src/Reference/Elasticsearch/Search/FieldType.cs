namespace Verified.Reference.Elasticsearch.Search;

/// <summary>The field types dynamic mapping creates (ES DynamicFieldsBuilder defaults, date and numeric detection off).</summary>
public enum FieldType
{
    /// <summary>An object: holds sub-fields, no values of its own.</summary>
    Object,

    /// <summary>JSON string → analyzed <c>text</c> (it also gets a <c>.keyword</c> sub-field).</summary>
    Text,

    /// <summary>The <c>.keyword</c> sub-field: exact, <c>ignore_above: 256</c>.</summary>
    Keyword,

    /// <summary>JSON integer → <c>long</c>.</summary>
    Long,

    /// <summary>JSON number with fraction or exponent → <c>float</c> (32-bit, as Lucene stores it).</summary>
    Float,

    /// <summary>JSON true/false → <c>boolean</c>.</summary>
    Boolean,
}

/// <summary>Names as Elasticsearch writes them in mappings and messages.</summary>
public static class FieldTypeNames
{
    /// <summary>The mapping type name (<c>long</c>, <c>text</c>…).</summary>
    public static string Name(this FieldType type) => type switch
    {
        FieldType.Object => "object",
        FieldType.Text => "text",
        FieldType.Keyword => "keyword",
        FieldType.Long => "long",
        FieldType.Float => "float",
        _ => "boolean",
    };
}
