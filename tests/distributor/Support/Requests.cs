using System.Collections.Immutable;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;

namespace Verified.Distributor.Tests.Support;

/// <summary>Request builders.</summary>
public static class Requests
{
    /// <summary>A request with one stream per selector, each with <paramref name="lines"/> entries of <paramref name="size"/> bytes at now + j ms.</summary>
    public static PushRequest Lines(string tenant, int lines, int size, params string[] selectors) =>
        new(tenant, [.. selectors.Select(s => new PushStream(s, Entries(lines, size)))]);

    /// <summary>Loki's makeWriteRequest lines: <c>strconv.Itoa(j) + "0"×size</c> cut to <paramref name="size"/>, at now + j ms.</summary>
    public static ImmutableArray<LogEntry> Entries(int lines, int size) =>
        [.. Enumerable.Range(0, lines).Select(j => new LogEntry(Harness.NowNs + (j * 1_000_000L), (j.ToString(System.Globalization.CultureInfo.InvariantCulture) + new string('0', size))[..size]))];

    /// <summary>One stream with the given entries.</summary>
    public static PushRequest Stream(string tenant, string selector, params LogEntry[] entries) => new(tenant, [new PushStream(selector, [.. entries])]);

    /// <summary>An entry at now + <paramref name="offsetNs"/>.</summary>
    public static LogEntry At(long offsetNs, string line = "line") => new(Harness.NowNs + offsetNs, line);

    /// <summary>An entry at now with structured metadata.</summary>
    public static LogEntry WithMetadata(string line, params (string Name, string Value)[] metadata) =>
        new(Harness.NowNs, line, [.. metadata.Select(m => new Label(m.Name, m.Value))]);
}
