using BenchmarkDotNet.Attributes;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;

namespace Verified.Bench;

/// <summary>
/// The Loki read path over flushed chunks: 1,000,000 lines of 100–300 bytes over 1,000 streams and one hour, pushed
/// through the write path (RF 3) and flushed to an in-memory object store before measuring, so every query reads the
/// store (decode + filter + merge) and ingesters hold nothing. Queries go through frontend, scheduler and querier.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class QueryBenchmarks
{
    private const int Streams = 1000;
    private const int LinesPerStream = 1000;
    private const long HourNs = 3_600_000_000_000L;

    private readonly DateTimeOffset _start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private LokiCluster _cluster = null!;
    private long _fromNs;
    private long _rawBytes;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new SimulatedClock(_start);
        var random = new Random(42);
        var options = BenchData.Unlimited;
        _cluster = new LokiCluster(options, clock, random, new InMemoryObjectStore(), _ => new InMemoryDisk());
        Task.Run(() => _cluster.StartAsync()).GetAwaiter().GetResult();
        _fromNs = _start.ToUnixTimeMilliseconds() * 1_000_000;
        var lengths = Enumerable.Range(0, Streams).Select(_ => 100 + random.Next(201)).ToArray();

        _rawBytes = BenchData.PushHour(_cluster, clock, _fromNs, Streams, LinesPerStream, (s, n) => Line(lengths[s], n, s));

        clock.Advance(TimeSpan.FromHours(2));
        _cluster.Heartbeat();
        Task.Run(() => _cluster.FlushAllAsync()).GetAwaiter().GetResult();
        Console.WriteLine($"// raw line bytes: {_rawBytes}; chunks in the index: {_cluster.Index.Count}");
        Report("line filter over every stream", "{app=~\"app-.+\"} |= \"needle\"");
        Report("1% of the streams", "{group=\"g7\"}");
    }

    /// <summary>A line filter matching no line, over every stream and the whole hour: every chunk is decoded and scanned.</summary>
    [Benchmark(Description = "line filter over 1,000 streams x 1 h (1,000,000 lines, flushed)")]
    public int LineFilterScan() => Run("{app=~\"app-.+\"} |= \"needle\"", 100);

    /// <summary>A selector matching 10 of the 1,000 streams, BACKWARD, limit 100 (Loki's default query).</summary>
    [Benchmark(Description = "1% of the streams, 1 h, BACKWARD, limit 100")]
    public int OnePercentOfStreams() => Run("{group=\"g7\"}", 100);

    /// <summary>Every stream, 1 h, BACKWARD, limit 5000 (the largest Loki allows).</summary>
    [Benchmark(Description = "every stream, 1 h, BACKWARD, limit 5000")]
    public int EveryStreamLimit5000() => Run("{app=~\"app-.+\"}", 5000);

    private int Run(string query, int limit)
    {
        var response = Task.Run(() => _cluster.QueryAsync(new FrontendRequest("bench", query, _fromNs, _fromNs + HourNs, Direction.Backward, limit))).GetAwaiter().GetResult();
        return response.StatusCode == 200 ? response.Result.EntryCount : throw new InvalidOperationException($"query failed: {response.StatusCode} {response.Error}");
    }

    private void Report(string what, string query)
    {
        var request = _cluster.QuerierRequest("bench", query, _fromNs, _fromNs + HourNs, Direction.Backward, 100);
        var result = Task.Run(() => _cluster.Querier.SelectLogsAsync(request)).GetAwaiter().GetResult();
        Console.WriteLine($"// {what}: {result.ChunksFetched} of {_cluster.Index.Count} chunks fetched");
    }

    private static string Line(int length, int n, int stream) =>
        BenchData.Line(length, $"level=info ts=2026-11-25T00:00:00Z stream={stream} n={n} msg=\"request served\" ");
}
