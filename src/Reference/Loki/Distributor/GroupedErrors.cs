using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Verified.Reference.Loki.Distributor;

/// <summary>
/// Loki's <c>util.GroupedErrors</c> (loki pkg/util/errors/errors.go): validation messages counted by text and
/// written <c>&lt;n&gt; errors like: &lt;msg&gt;</c>, groups joined by <c>"; "</c>; when there is one distinct message
/// and it occurred once it is written bare.
/// </summary>
/// <remarks>
/// Loki prints the groups in Go map iteration order, which is random (<see cref="DistributorFlaw.RandomErrorGroupOrder"/>).
/// The order is therefore unspecified; ours is the order in which each message first occurred, so a response is
/// reproducible. Compare bodies as a set of groups (<see cref="Parse"/>).
/// </remarks>
public sealed partial class GroupedErrors
{
    private const string GroupSeparator = "; ";
    private const string GroupPrefix = " errors like: ";
    private readonly List<string> _order = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many messages were added (not distinct ones).</summary>
    public int Count { get; private set; }

    /// <summary>Adds one occurrence of <paramref name="message"/>.</summary>
    public void Add(string message)
    {
        Count++;
        if (_counts.TryGetValue(message, out var n))
        {
            _counts[message] = n + 1;
            return;
        }

        _counts[message] = 1;
        _order.Add(message);
    }

    /// <summary>The groups, in first-occurrence order.</summary>
    public IReadOnlyList<(string Message, int Count)> Groups => _order.Select(m => (m, _counts[m])).ToList();

    /// <summary>The rendered text; empty when nothing was added.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        var prefixed = _order.Count > 1;
        foreach (var message in _order)
        {
            if (builder.Length > 0)
            {
                builder.Append(GroupSeparator);
            }

            var n = _counts[message];
            if (prefixed || n > 1)
            {
                builder.Append(n.ToString(CultureInfo.InvariantCulture)).Append(GroupPrefix);
            }

            builder.Append(message);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits a rendered body into (message, count) groups, for comparing bodies whose group order differs. A body
    /// that does not start with <c>&lt;n&gt; errors like: </c> is one bare message; otherwise groups are split at
    /// <c>"; "</c> followed by the next such prefix (a message may itself contain <c>"; "</c>: "label names; limit").
    /// </summary>
    public static IReadOnlyList<(string Message, int Count)> Parse(string body)
    {
        var starts = GroupStart().Matches(body);
        if (starts.Count == 0 || starts[0].Index != 0)
        {
            return [(body, 1)];
        }

        var groups = new List<(string, int)>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var match = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1].Index - GroupSeparator.Length : body.Length;
            var count = int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            groups.Add((body[(match.Index + match.Length)..end], count));
        }

        return groups;
    }

    // A group starts at the beginning of the body or right after "; ".
    [GeneratedRegex(@"(?:^|(?<=; ))([0-9]+) errors like: ", RegexOptions.CultureInvariant)]
    private static partial Regex GroupStart();
}
