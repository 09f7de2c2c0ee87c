using System.Collections.Immutable;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Loki.Push;

namespace Verified.Query.Tests.Frontend;

/// <summary>Small builders for answers and entries.</summary>
internal static class Build
{
    public const long Second = 1_000_000_000L;

    public static LogEntry Entry(long ts, string? line = null) => new(ts, line ?? ts.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static ResultStream Stream(string labels, params long[] timestamps) => new(labels, [.. timestamps.Select(t => Entry(t))]);

    public static QueryResult Result(params ResultStream[] streams) => new([.. streams]);

    /// <summary>A synchronous executor answering from a fixed function.</summary>
    public static Func<SplitRequest, CancellationToken, Task<QueryResult>> Executor(Func<SplitRequest, QueryResult> answer) =>
        (request, _) => Task.FromResult(answer(request));

    public static FrontendResponse Run(QueryFrontend frontend, FrontendRequest request) => frontend.QueryAsync(request).GetAwaiter().GetResult();

    public static ImmutableArray<LogEntry> Entries(params LogEntry[] entries) => [.. entries];
}
