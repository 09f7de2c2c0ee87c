using System.Collections;
using System.Collections.Immutable;

namespace Verified.Reference.Loki.Labels;

/// <summary>An immutable list of labels with value equality. Order is whatever the producer made it.</summary>
public sealed class LabelSet : IReadOnlyList<Label>, IEquatable<LabelSet>
{
    private readonly ImmutableArray<Label> _labels;

    /// <summary>Wraps <paramref name="labels"/> as they are.</summary>
    public LabelSet(IEnumerable<Label> labels) => _labels = labels.ToImmutableArray();

    /// <summary>The empty set.</summary>
    public static LabelSet Empty { get; } = new(ImmutableArray<Label>.Empty);

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <inheritdoc />
    public Label this[int index] => _labels[index];

    /// <summary>The value of the first label called <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var label in _labels)
        {
            if (label.Name == name)
            {
                return label.Value;
            }
        }

        return null;
    }

    /// <summary>Whether a label called <paramref name="name"/> exists.</summary>
    public bool Has(string name) => Get(name) is not null;

    /// <inheritdoc />
    public bool Equals(LabelSet? other) => other is not null && _labels.AsSpan().SequenceEqual(other._labels.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var label in _labels)
        {
            hash.Add(label);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<Label> GetEnumerator() => ((IEnumerable<Label>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Loki's canonical form with the default options, for debugging; use <see cref="CanonicalLabels.Format"/>.</summary>
    public override string ToString() => CanonicalLabels.Format(this, new Verified.Routing.CanonicalLabelOptions(false, false, ", ", true));
}
