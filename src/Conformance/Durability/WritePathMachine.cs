using System.Collections.Immutable;
using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;
using Verified.Conformance.History;
using Verified.Reference.Loki.Cluster;
using Verified.Reference.Loki.Push;

namespace Verified.Conformance.Durability;

/// <summary>
/// Model-based stateful test of the whole write path (FsCheck Machine / Operation): pushes (in order, behind the
/// out-of-order window, exact duplicates), crashes and restarts of one ingester, flushes with store failures and
/// clock moves. After every operation the actual answer must be the model's and the readable set must equal the
/// model's exactly. FsCheck shrinks a failure to a minimal operation sequence.
/// </summary>
public sealed class WritePathMachine(LokiClusterOptions options) : Machine<WritePathHarness, WritePathModel>(MaxOperations)
{
    /// <summary>Operations per generated run.</summary>
    public const int MaxOperations = 25;

    private const string Tenant = "tenant-a";
    private static readonly string[] Streams = ["{app=\"api\", env=\"prod\"}", "{env=\"prod\", app=\"web\"}", "{app=\"db\"}"];
    // service_name is discovered from app on the HTTP push path (LOKI-PLACE-12) before the labels are canonical.
    private static readonly string[] Canonical = ["{app=\"api\", env=\"prod\", service_name=\"api\"}", "{app=\"web\", env=\"prod\", service_name=\"web\"}", "{app=\"db\", service_name=\"db\"}"];

    /// <inheritdoc />
    public override Arbitrary<Setup<WritePathHarness, WritePathModel>> Setup =>
        Arb.From(Gen.Choose(0, int.MaxValue).Select(seed => StateMachine.Setup(() => new WritePathHarness(options, seed), () => WritePathModel.Empty)));

    /// <inheritdoc />
    public override Gen<Operation<WritePathHarness, WritePathModel>> Next(WritePathModel model) => Gen.Frequency(
        (8, from stream in Gen.Choose(0, Streams.Length - 1) from count in Gen.Choose(1, 3) select (Operation<WritePathHarness, WritePathModel>)new Push(stream, count)),
        (2, Gen.Choose(0, Streams.Length - 1).Select(s => (Operation<WritePathHarness, WritePathModel>)new PushDuplicate(s))),
        (2, Gen.Choose(0, Streams.Length - 1).Select(s => (Operation<WritePathHarness, WritePathModel>)new PushBehindWindow(s))),
        (2, Gen.Choose(0, 2).Select(i => (Operation<WritePathHarness, WritePathModel>)new Crash($"ingester-{i}"))),
        (2, Gen.Constant((Operation<WritePathHarness, WritePathModel>)new Restart())),
        (2, Gen.Choose(0, 2).Select(n => (Operation<WritePathHarness, WritePathModel>)new Flush(n))),
        (1, Gen.Choose(1, 600).Select(s => (Operation<WritePathHarness, WritePathModel>)new Advance(s))));

    private static Property Readable(WritePathHarness actual, WritePathModel model)
    {
        var found = actual.ReadAll();
        var lost = model.Readable.Except(found);
        var extra = found.Except(model.Readable).Except(model.Maybe);
        return (lost.Count == 0 && extra.Count == 0).Label(
            $"readable set differs: {lost.Count} missing ({string.Join(", ", lost.Take(3).Select(e => e.Entry.Line))}), {extra.Count} unexpected ({string.Join(", ", extra.Take(3).Select(e => $"{e.Labels} {e.Entry.Line}"))})");
    }

    private sealed class Push(int stream, int count) : Operation<WritePathHarness, WritePathModel>
    {
        private ImmutableArray<LogEntry> _entries;

        public override WritePathModel Run(WritePathModel model)
        {
            var start = model.Newest.GetValueOrDefault(Canonical[stream], 0);
            var entries = Enumerable.Range(0, count).Select(i => new LogEntry(start + i + 1, $"line {model.Sequence + i}")).ToImmutableArray();
            _entries = entries;
            return model with
            {
                Readable = model.Readable.Union(entries.Select(e => new StreamEntry(Tenant, Canonical[stream], e))),
                Newest = model.Newest.SetItem(Canonical[stream], start + count),
                InMemory = model.InMemory.Add(Canonical[stream]),
                Sequence = model.Sequence + count,
            };
        }

        public override Property Check(WritePathHarness actual, WritePathModel model)
        {
            // Timestamps are relative to the harness clock so the distributor's age checks pass.
            var response = actual.Push(new PushRequest(Tenant, [new PushStream(Streams[stream], [.. _entries.Select(e => e with { TimestampNs = Base(actual) + e.TimestampNs })])]));
            return (response.StatusCode == 204).Label($"push answered {response.StatusCode} {response.Body}, expected 204")
                .And(Readable(actual, Rebase(actual, model)));
        }

        public override string ToString() => $"push {Canonical[stream]} x{count}";
    }

    private sealed class PushDuplicate(int stream) : Operation<WritePathHarness, WritePathModel>
    {
        public override bool Pre(WritePathModel model) => model.Newest.ContainsKey(Canonical[stream]);

        public override WritePathModel Run(WritePathModel model) => model;

        public override Property Check(WritePathHarness actual, WritePathModel model)
        {
            var last = model.Readable.Where(e => e.Labels == Canonical[stream]).MaxBy(e => e.Entry.TimestampNs).Entry;
            var response = actual.Push(new PushRequest(Tenant, [new PushStream(Streams[stream], [last with { TimestampNs = Base(actual) + last.TimestampNs }])]));
            return (response.StatusCode == 204).Label($"duplicate push answered {response.StatusCode}").And(Readable(actual, Rebase(actual, model)));
        }

        public override string ToString() => $"push duplicate of the last line of {Canonical[stream]}";
    }

    private sealed class PushBehindWindow(int stream) : Operation<WritePathHarness, WritePathModel>
    {
        private const long Behind = 2L * 3600 * 1_000_000_000;

        public override bool Pre(WritePathModel model) => model.InMemory.Contains(Canonical[stream]);

        // A replica that was down while the stream advanced has an older window and may store it (non-atomic writes).
        public override WritePathModel Run(WritePathModel model) =>
            model with { Maybe = model.Maybe.Add(new StreamEntry(Tenant, Canonical[stream], new LogEntry(model.Newest[Canonical[stream]] - Behind, "too far behind"))) };

        public override Property Check(WritePathHarness actual, WritePathModel model)
        {
            // max_chunk_age/2 = 1h behind the stream's newest entry: every up-to-date replica rejects it with 400.
            var ts = Base(actual) + model.Newest[Canonical[stream]] - Behind;
            var response = actual.Push(new PushRequest(Tenant, [new PushStream(Streams[stream], [new LogEntry(ts, "too far behind")])]));
            // With an ingester down, the answer is whichever failure crossed maxFailures: the window's 400 or the
            // down node's 500 — Loki's answer depends on the order responses arrive. Nothing is stored either way.
            var window = response.StatusCode == 400 && response.Body.Contains("entry too far behind", StringComparison.Ordinal);
            var downNode = model.Down is not null && response.StatusCode == 500;
            return (window || downNode)
                .Label($"push behind the window answered {response.StatusCode} {response.Body}, expected 400 entry too far behind")
                .And(Readable(actual, Rebase(actual, model)));
        }

        public override string ToString() => $"push 2h behind {Canonical[stream]}";
    }

    private sealed class Crash(string name) : Operation<WritePathHarness, WritePathModel>
    {
        public override bool Pre(WritePathModel model) => model.Down is null;

        public override WritePathModel Run(WritePathModel model) => model with { Down = name };

        public override Property Check(WritePathHarness actual, WritePathModel model)
        {
            actual.Crash(name);
            return Readable(actual, Rebase(actual, model));
        }

        public override string ToString() => $"crash {name}";
    }

    private sealed class Restart : Operation<WritePathHarness, WritePathModel>
    {
        private string _name = string.Empty;

        public override bool Pre(WritePathModel model) => model.Down is not null;

        public override WritePathModel Run(WritePathModel model)
        {
            _name = model.Down!;
            return model with { Down = null };
        }

        public override Property Check(WritePathHarness actual, WritePathModel model)
        {
            actual.Restart(_name);
            return Readable(actual, Rebase(actual, model));
        }

        public override string ToString() => "restart the crashed ingester";
    }

    private sealed class Flush(int failingPuts) : Operation<WritePathHarness, WritePathModel>
    {
        public override WritePathModel Run(WritePathModel model) => model with { InMemory = [] };

        public override Property Check(WritePathHarness actual, WritePathModel model)
        {
            actual.Flush(failingPuts);
            return Readable(actual, Rebase(actual, model));
        }

        public override string ToString() => $"flush ({failingPuts} store puts fail first)";
    }

    private sealed class Advance(int seconds) : Operation<WritePathHarness, WritePathModel>
    {
        public override WritePathModel Run(WritePathModel model) => model;

        public override Property Check(WritePathHarness actual, WritePathModel model)
        {
            actual.Advance(TimeSpan.FromSeconds(seconds));
            return Readable(actual, Rebase(actual, model));
        }

        public override string ToString() => $"advance {seconds}s";
    }

    // The model counts nanoseconds from zero; the cluster sees them from its start time, fixed at the first push.
    private static long Base(WritePathHarness actual) => actual.BaseNs ??= actual.NowNs;

    private static WritePathModel Rebase(WritePathHarness actual, WritePathModel model) => model with
    {
        Readable = [.. model.Readable.Select(e => e with { Entry = e.Entry with { TimestampNs = Base(actual) + e.Entry.TimestampNs } })],
        Maybe = [.. model.Maybe.Select(e => e with { Entry = e.Entry with { TimestampNs = Base(actual) + e.Entry.TimestampNs } })],
    };
}
