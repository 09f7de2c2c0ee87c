using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Verified.Reference.Loki.Push;

namespace Verified.Distributor.Tests.Properties;

/// <summary>One generated stream: label pairs in the order sent (or a selector that does not parse) and its entries.</summary>
public sealed record StreamCase(ImmutableArray<(string Name, string Value)> Pairs, bool Unparsable, ImmutableArray<LogEntry> Entries)
{
    /// <summary>A selector Prometheus' parser rejects at 1:4 (the vector's mangled labels).</summary>
    public const string BadSelector = "{ab\"";

    /// <summary>The selector text: pairs as given, values need no escaping.</summary>
    public string Selector => Unparsable ? BadSelector : "{" + string.Join(", ", Pairs.Select(p => $"{p.Name}=\"{p.Value}\"")) + "}";

    /// <inheritdoc />
    public override string ToString() =>
        Selector + " " + string.Join(" ", Entries.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"[{e.TimestampNs - Support.Harness.NowNs}ns {Encoding.UTF8.GetByteCount(e.Line)}B sm={string.Join(",", e.StructuredMetadata.Select(m => m.Name + "=" + m.Value.Length))}]")));
}
