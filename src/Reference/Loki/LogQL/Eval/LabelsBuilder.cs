using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// The per-entry label state of a pipeline (loki pkg/logql/log/labels.go LabelsBuilder): stream labels, then
/// structured metadata, then parsed labels, each category shadowing the ones before it; plus the error label.
/// </summary>
internal sealed class LabelsBuilder
{
    /// <summary>Loki's error label (pkg/logqlmodel/error.go).</summary>
    public const string ErrorLabel = "__error__";

    /// <summary>Loki's error-details label.</summary>
    public const string ErrorDetailsLabel = "__error_details__";

    /// <summary>A label that, set to "true", lets errors through metric queries.</summary>
    public const string PreserveErrorLabel = "__preserve_error__";

    private readonly LabelSet _base;
    private readonly Dictionary<string, string> _stream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parsed = new(StringComparer.Ordinal);

    public LabelsBuilder(LabelSet streamLabels, IEnumerable<Label> structuredMetadata)
    {
        _base = streamLabels;
        foreach (var label in streamLabels)
        {
            _stream[label.Name] = label.Value;
        }

        foreach (var label in structuredMetadata)
        {
            SetMetadata(label.Name, label.Value);
        }
    }

    /// <summary>The error label value, "" when none.</summary>
    public string Error { get; private set; } = "";

    /// <summary>The error details, "" when none.</summary>
    public string ErrorDetails { get; private set; } = "";

    /// <summary>Whether the original stream labels have <paramref name="name"/> (the <c>_extracted</c> rule).</summary>
    public bool BaseHas(string name) => _base.Has(name);

    /// <summary>Whether structured metadata currently has <paramref name="name"/>.</summary>
    public bool MetadataHas(string name) => _metadata.ContainsKey(name);

    /// <summary>Sets a parsed label; it shadows metadata and stream labels of that name (labels.go Set).</summary>
    public void SetParsed(string name, string value)
    {
        _metadata.Remove(name);
        _stream.Remove(name);
        _parsed[name] = value;
    }

    /// <summary>Sets the error label unless one is set already (the first error wins in label filters).</summary>
    public void SetError(string error, string details)
    {
        Error = error;
        if (details.Length > 0)
        {
            ErrorDetails = details;
        }
    }

    /// <summary>The current value of <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        if (name == ErrorLabel)
        {
            return Error.Length > 0 ? Error : null;
        }

        if (_parsed.TryGetValue(name, out var v) || _metadata.TryGetValue(name, out v) || _stream.TryGetValue(name, out v))
        {
            return v;
        }

        return null;
    }

    /// <summary>All labels sorted by name, error labels included (labels.go LabelsResult).</summary>
    public LabelSet Result()
    {
        var all = new Dictionary<string, string>(_stream, StringComparer.Ordinal);
        foreach (var (k, v) in _metadata)
        {
            all[k] = v;
        }

        foreach (var (k, v) in _parsed)
        {
            all[k] = v;
        }

        if (Error.Length > 0)
        {
            all[ErrorLabel] = Error;
        }

        if (ErrorDetails.Length > 0)
        {
            all[ErrorDetailsLabel] = ErrorDetails;
        }

        return new LabelSet(all.Select(kv => new Label(kv.Key, kv.Value)).OrderBy(l => l.Name, Utf8Order.Instance));
    }

    private void SetMetadata(string name, string value)
    {
        _stream.Remove(name);
        if (!_parsed.ContainsKey(name))
        {
            _metadata[name] = value;
        }
    }
}
