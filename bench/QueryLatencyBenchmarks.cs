using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Verified.Reference.Loki;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Frontend;
using Verified.Reference.Simulation;
using Verified.Reference.Storage;

namespace Verified.Bench;

/// <summary>
/// Latency of one-hour log queries over 10,000,000 lines (100–300 bytes, 1,000 streams, one hour), pushed through the
/// write path (RF 3): either flushed to the object store before measuring (ingesters hold nothing), or still in the
/// ingesters' memory (nothing flushed; the WAL checkpointed as the hour goes by, so the in-memory disk stays small).
/// Each measured operation is one query through frontend, scheduler and querier; 100 of them per case, so the P50 and
/// P99 columns are percentiles of 100 query latencies.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class QueryLatencyBenchmarks
{
    private const int Streams = 1000;
    private const int LinesPerStream = 10_000;
    private const long HourNs = 3_600_000_000_000L;

    private readonly DateTimeOffset _start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private LokiCluster _cluster = null!;
    private long _fromNs;

    /// <summary>Where the hour of data is when the queries run.</summary>
    public enum Placement
    {
        /// <summary>Flushed: every query reads chunks from the object store.</summary>
        Store,

        /// <summary>Not flushed: every query reads the ingesters' memory.</summary>
        Ingesters,
    }

    /// <summary>Where the data is.</summary>
    [Params(Placement.Store, Placement.Ingesters)]
    public Placement Data { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var clock = new SimulatedClock(_start);
        var random = new Random(42);
        _cluster = new LokiCluster(BenchData.Unlimited, clock, random, new InMemoryObjectStore(), _ => new InMemoryDisk());
        Task.Run(() => _cluster.StartAsync()).GetAwaiter().GetResult();
        _fromNs = _start.ToUnixTimeMilliseconds() * 1_000_000;
        var lengths = Enumerable.Range(0, Streams).Select(_ => 100 + random.Next(201)).ToArray();

        // Checkpoint every five simulated minutes, as Loki's default WAL checkpoint_duration.
        var rawBytes = BenchData.PushHour(_cluster, clock, _fromNs, Streams, LinesPerStream, (s, n) => Line(lengths[s], n, s), round => { if (round % (LinesPerStream / 10 / 12) == 0) Checkpoint(); });

        clock.Advance(TimeSpan.FromMinutes(1));
        _cluster.Heartbeat();
        if (Data == Placement.Store)
        {
            Task.Run(() => _cluster.FlushAllAsync()).GetAwaiter().GetResult();
        }

        Checkpoint();
        GC.Collect();
        Console.WriteLine($"// {Data}: raw line bytes {rawBytes}; chunks in the index {_cluster.Index.Count}; managed heap {GC.GetTotalMemory(true) / 1_000_000} MB");
        foreach (var (query, limit) in new[] { ("{app=~\"app-.+\"}", 100), ("{group=\"g7\"}", 100), ("{app=~\"app-.+\"} |= \"needle\"", 100) })
        {
            var request = _cluster.QuerierRequest("bench", query, _fromNs, _fromNs + HourNs, Direction.Backward, limit);
            var answer = Task.Run(() => _cluster.Querier.SelectLogsAsync(request)).GetAwaiter().GetResult();
            Console.WriteLine($"// {query}: {answer.EntryCount} entries; {answer.ChunksFetched} chunks fetched, {answer.BlocksDecoded} blocks decoded");
        }
    }

    /// <summary>Every stream (Grafana's default view of a selector matching everything), BACKWARD, limit 100.</summary>
    [Benchmark(Description = "every stream, 1 h, BACKWARD, limit 100")]
    public int EveryStream() => Run("{app=~\"app-.+\"}");

    /// <summary>10 of the 1,000 streams, BACKWARD, limit 100.</summary>
    [Benchmark(Description = "1% of the streams, 1 h, BACKWARD, limit 100")]
    public int OnePercentOfStreams() => Run("{group=\"g7\"}");

    /// <summary>A line filter matching 1 line in 1,000 (10,000 of them in the hour), every stream, BACKWARD, limit 100.</summary>
    [Benchmark(Description = "line filter matching 0.1% of lines, every stream, 1 h, BACKWARD, limit 100")]
    public int RareLineFilter() => Run("{app=~\"app-.+\"} |= \"needle\"");

    private int Run(string query)
    {
        var response = Task.Run(() => _cluster.QueryAsync(new FrontendRequest("bench", query, _fromNs, _fromNs + HourNs, Direction.Backward, 100))).GetAwaiter().GetResult();
        return response.StatusCode == 200 ? response.Result.EntryCount : throw new InvalidOperationException($"query failed: {response.StatusCode} {response.Error}");
    }

    private void Checkpoint()
    {
        foreach (var name in _cluster.IngesterNames)
        {
            Task.Run(() => _cluster.IngesterOf(name)!.CheckpointAsync()).GetAwaiter().GetResult();
        }
    }

    // 1 line in 1,000 carries the needle, at a different place in each stream.
    private static string Line(int length, int n, int stream) =>
        BenchData.Line(length, $"level=info ts=2026-11-25T00:00:00Z stream={stream} n={n} msg=\"{((n + stream) % 1000 == 0 ? "needle" : "request")} served\" ");

    /// <summary>One query per operation, 100 measured operations per case, and the P50/P99 columns.</summary>
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(100).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(new PercentileColumn(50), new PercentileColumn(99));
        }
    }
}
