namespace Verified.Reference.Simulation;

public sealed partial class SimNetwork
{
    private readonly Dictionary<(string From, string To), LinkFaults> _links = [];
    private readonly HashSet<(string, string)> _cut = [];
    private readonly HashSet<string> _isolated = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), int> _dropRequests = [];
    private readonly Dictionary<(string From, string To), int> _dropResponses = [];
    private LinkFaults _defaultLink = LinkFaults.None;

    /// <summary>Faults of every link without its own (<see cref="LinkFaults.None"/> at first).</summary>
    public LinkFaults DefaultLinkFaults
    {
        get
        {
            lock (_gate)
            {
                return _defaultLink;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            lock (_gate)
            {
                _defaultLink = value;
            }
        }
    }

    /// <summary>Sets the faults of calls from <paramref name="from"/> to <paramref name="to"/>; null reverts to the default.</summary>
    public void SetLinkFaults(string from, string to, LinkFaults? faults)
    {
        faults?.Validate();
        lock (_gate)
        {
            if (faults is null)
            {
                _links.Remove((from, to));
            }
            else
            {
                _links[(from, to)] = faults;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> requests from <paramref name="from"/> that reach <paramref name="to"/> are dropped.</summary>
    public void DropNextRequests(string from, string to, int count = 1) => AddOneShots(_dropRequests, from, to, count);

    /// <summary>The next <paramref name="count"/> responses <paramref name="to"/> sends back to <paramref name="from"/> are dropped.</summary>
    public void DropNextResponses(string from, string to, int count = 1) => AddOneShots(_dropResponses, from, to, count);

    /// <summary>No node of <paramref name="side"/> can reach a node of <paramref name="otherSide"/>, either way, until <see cref="Heal"/>.</summary>
    public void Partition(IEnumerable<string> side, IEnumerable<string> otherSide)
    {
        var others = otherSide.ToList();
        lock (_gate)
        {
            foreach (var a in side)
            {
                foreach (var b in others.Where(b => b != a))
                {
                    _cut.Add(Pair(a, b));
                }
            }
        }
    }

    /// <summary><paramref name="node"/> can reach no other node and none can reach it, until <see cref="Heal"/>.</summary>
    public void Isolate(string node)
    {
        lock (_gate)
        {
            _isolated.Add(node);
        }
    }

    /// <summary>Removes every partition and isolation (link faults and one-shot drops stay).</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _cut.Clear();
            _isolated.Clear();
        }
    }

    /// <summary>Removes every fault: partitions, link faults, one-shot drops. Crashed nodes stay down.</summary>
    public void ClearFaults()
    {
        lock (_gate)
        {
            _cut.Clear();
            _isolated.Clear();
            _links.Clear();
            _dropRequests.Clear();
            _dropResponses.Clear();
            _defaultLink = LinkFaults.None;
        }
    }

    /// <summary>Whether a message from <paramref name="from"/> reaches <paramref name="to"/> now (a node always reaches itself).</summary>
    public bool CanReach(string from, string to)
    {
        lock (_gate)
        {
            return CanReachLocked(from, to);
        }
    }

    private bool CanReachLocked(string from, string to) =>
        from == to || (!_isolated.Contains(from) && !_isolated.Contains(to) && !_cut.Contains(Pair(from, to)));

    private LinkFaults LinkLocked(string from, string to) => _links.GetValueOrDefault((from, to)) ?? _defaultLink;

    /// <summary>Uses up one one-shot drop of the link, if any is left.</summary>
    private static bool TakeOneShotLocked(Dictionary<(string From, string To), int> shots, string from, string to)
    {
        if (!shots.TryGetValue((from, to), out var left) || left == 0)
        {
            return false;
        }

        shots[(from, to)] = left - 1;
        return true;
    }

    private void AddOneShots(Dictionary<(string From, string To), int> shots, string from, string to, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            shots[(from, to)] = shots.GetValueOrDefault((from, to)) + count;
        }
    }

    /// <summary>Partitions are symmetric: the pair is stored in ordinal order.</summary>
    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
