using Verified.Reference.Loki.Labels;

namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>Prometheus labels.Compare: pairwise by name then value (byte order), then the shorter set first.</summary>
internal sealed class PromLabelsComparer : IComparer<LabelSet>
{
    public static readonly PromLabelsComparer Instance = new();

    public int Compare(LabelSet? x, LabelSet? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var n = Math.Min(x.Count, y.Count);
        for (var i = 0; i < n; i++)
        {
            var c = Utf8Order.Instance.Compare(x[i].Name, y[i].Name);
            if (c != 0)
            {
                return c;
            }

            c = Utf8Order.Instance.Compare(x[i].Value, y[i].Value);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
