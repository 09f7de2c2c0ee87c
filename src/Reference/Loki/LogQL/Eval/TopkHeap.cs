namespace Verified.Reference.Loki.LogQL.Eval;

/// <summary>
/// Go's container/heap over Loki's vectorByValueHeap (pkg/logql/vector.go): a min-heap whose Less puts NaN first,
/// then smaller values. Modelled operation by operation so that topk keeps exactly the samples Loki keeps for a
/// given input order.
/// </summary>
internal sealed class TopkHeap
{
    private readonly List<(MetricEvaluator.Sample Sample, double Score)> _items = [];

    public int Count => _items.Count;

    /// <summary>The smallest score (heap[0]).</summary>
    public double TopScore => _items[0].Score;

    public IEnumerable<MetricEvaluator.Sample> Items => _items.Select(i => i.Sample);

    public void Push(MetricEvaluator.Sample sample, double score)
    {
        _items.Add((sample, score));
        Up(_items.Count - 1);
    }

    public void Pop()
    {
        var n = _items.Count - 1;
        Swap(0, n);
        Down(0, n);
        _items.RemoveAt(n);
    }

    private bool Less(int i, int j) => double.IsNaN(_items[i].Score) || _items[i].Score < _items[j].Score;

    private void Swap(int i, int j) => (_items[i], _items[j]) = (_items[j], _items[i]);

    private void Up(int j)
    {
        while (true)
        {
            var i = (j - 1) / 2;
            if (i == j || !Less(j, i))
            {
                break;
            }

            Swap(i, j);
            j = i;
        }
    }

    private void Down(int i, int n)
    {
        while (true)
        {
            var j1 = (2 * i) + 1;
            if (j1 >= n || j1 < 0)
            {
                break;
            }

            var j = j1;
            var j2 = j1 + 1;
            if (j2 < n && Less(j2, j1))
            {
                j = j2;
            }

            if (!Less(j, i))
            {
                break;
            }

            Swap(i, j);
            i = j;
        }
    }
}
