using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Verified.Distributor.Tests.Support;
using Verified.Reference.Loki.Distributor;
using Verified.Reference.Loki.Push;
using Verified.Reference.Loki.Ring;
using Verified.Reference.Simulation;
using Verified.Routing;

namespace Verified.Distributor.Tests.Properties;

/// <summary>
/// The distributor's laws, each a function of the seeded bugs so that <see cref="SeededBugTests"/> can show it
/// catching them. Every case runs on a fresh distributor over synchronous fake ingesters.
/// </summary>
internal static class DistributorProperties
{
    /// <summary>
    /// For any push, status and body equal the validation model's: groups compared as a set (their order is
    /// unspecified), the rate limit applied over the valid bytes only, and the outcome follows.
    /// </summary>
    public static Property ResponseMatchesTheValidationModel(DistributorFaults faults) =>
        Prop.ForAll(PushCaseGen.Cases.ToArbitrary(), c =>
        {
            var harness = new Harness(ingesters: 3, path: c.Path, limits: _ => c.Limits, faults: faults);
            var result = harness.Push(c.Request);
            var model = ValidationModel.Expect(c, Harness.NowNs);
            result.Response.StatusCode.ShouldBe(model.Status, result.Response.Body);
            if (model.Status == 400 && model.Groups.Count > 0)
            {
                GroupedErrors.Parse(result.Response.Body).ShouldBe(model.Groups, ignoreOrder: true);
            }
            else
            {
                result.Response.Body.ShouldBe(model.Body);
            }

            var outcome = model.Sent.Count == 0 || model.Status == 429
                ? (model.Status == 204 ? PushOutcome.Acknowledged : PushOutcome.Rejected)
                : (model.Status == 204 ? PushOutcome.Acknowledged : PushOutcome.PartiallyAcknowledged);
            result.Outcome.ShouldBe(outcome);
        });

    /// <summary>
    /// Exactly the valid streams are sent, with exactly their valid entries, canonical labels and the token of the
    /// tenant and those labels (service_name included on the HTTP path): each of the 3 replicas gets one batch with
    /// them in request order, and nothing at all when the model sends nothing.
    /// </summary>
    public static Property ExactlyTheValidStreamsAreSent(DistributorFaults faults) =>
        Prop.ForAll(PushCaseGen.Cases.ToArbitrary(), c =>
        {
            var harness = new Harness(ingesters: 3, path: c.Path, limits: _ => c.Limits, faults: faults);
            var result = harness.Push(c.Request);
            var model = ValidationModel.Expect(c, Harness.NowNs);
            var expected = model.Status == 429 ? [] : model.Sent.Select(s => new IngesterStream(s.Labels, LokiRouting.TokenFor(c.Tenant, s.Labels), s.Entries)).ToList();
            if (expected.Count == 0)
            {
                harness.Client.Calls.ShouldBeEmpty();
                return;
            }

            harness.Client.Calls.Select(call => call.Address).ShouldBe(Enumerable.Range(0, 3).Select(TestRing.Address), ignoreOrder: true);
            foreach (var call in harness.Client.Calls)
            {
                call.Request.Tenant.ShouldBe(c.Tenant);
                call.Request.Streams.Length.ShouldBe(expected.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    var (sent, want) = (call.Request.Streams[i], expected[i]);
                    sent.Labels.ShouldBe(want.Labels);
                    sent.Token.ShouldBe(want.Token, sent.Labels);
                    sent.Entries.ShouldBe(want.Entries, sent.Labels);
                }
            }

            result.Streams.ShouldBe(FirstBatch(harness));
        });

    /// <summary>
    /// With any ring and any ingester answers, the push fails iff some stream has more failing replicas in its
    /// replication set than MaxErrors (an ingester's failure counts for every stream it holds), a ring error
    /// fails it before anything is sent, and a failure answers with the status and body of a failing ingester
    /// that holds a failed stream.
    /// </summary>
    public static Property PushFailsIffSomeStreamLosesMoreThanMaxErrorsReplicas(DistributorFaults faults) =>
        Prop.ForAll(QuorumCaseGen.Cases.ToArbitrary(), c =>
        {
            var (harness, sets) = RunQuorumCase(c, faults);
            var result = harness.Push(Request(c));
            if (sets.FirstOrDefault(s => s.Error is not null) is { } failedLookup)
            {
                result.ShouldSatisfyAllConditions(
                    () => result.Response.ShouldBe(new PushResponse(500, failedLookup.Error!)),
                    () => harness.Client.Calls.ShouldBeEmpty());
                return;
            }

            var failing = Enumerable.Range(0, c.Answers.Length).Where(i => c.Answers[i] != ReplicaAnswer.Ok).Select(TestRing.Address).ToHashSet();
            var failedStreams = sets.Where(s => s.Instances.Count(i => failing.Contains(i.Addr)) > s.MaxErrors).ToList();
            if (failedStreams.Count == 0)
            {
                result.Response.ShouldBe(PushResponse.NoContent);
                result.Outcome.ShouldBe(PushOutcome.Acknowledged);
                return;
            }

            var culprits = failedStreams.SelectMany(s => s.Instances).Where(i => failing.Contains(i.Addr)).Select(i => AnswerOf(c, i.Addr)).ToHashSet();
            culprits.ShouldContain(result.Response);
            result.Outcome.ShouldBe(PushOutcome.Indefinite);
        });

    /// <summary>
    /// Whatever the answer, every ingester receives exactly one batch holding, in request order, the streams whose
    /// replication set contains it, and no other ingester is called (the sends outlive a failed answer).
    /// </summary>
    public static Property EveryReplicaReceivesItsBatchWhateverTheAnswer(DistributorFaults faults) =>
        Prop.ForAll(QuorumCaseGen.Cases.ToArbitrary(), c =>
        {
            var (harness, sets) = RunQuorumCase(c, faults);
            harness.Push(Request(c));
            harness.Distributor.WhenSendsCompleteAsync().GetAwaiter().GetResult();
            if (sets.Any(s => s.Error is not null))
            {
                harness.Client.Calls.ShouldBeEmpty();
                return;
            }

            var addresses = sets.SelectMany(s => s.Instances.Select(i => i.Addr)).Distinct().ToList();
            harness.Client.Calls.Select(call => call.Address).ShouldBe(addresses, ignoreOrder: true);
            foreach (var address in addresses)
            {
                var want = c.Streams.Where((_, k) => sets[k].Instances.Any(i => i.Addr == address)).Select(QuorumCase.Selector);
                harness.Client.Received(address).Single().Streams.Select(s => s.Labels).ShouldBe(want, address);
            }
        });

    private static IEnumerable<IngesterStream> FirstBatch(Harness harness) => harness.Client.Calls[0].Request.Streams;

    private static (Harness Harness, List<ReplicationSet> Sets) RunQuorumCase(QuorumCase c, DistributorFaults faults)
    {
        var now = Harness.Start.ToUnixTimeSeconds();
        var ring = TestRing.Create([.. c.Stale.Select(s => s ? 120L : 0L)], now, c.Seed, tokensPerInstance: 4);
        var harness = new Harness(path: PushPath.Grpc, ring: ring, faults: faults);
        for (var i = 0; i < c.Answers.Length; i++)
        {
            var address = TestRing.Address(i);
            switch (c.Answers[i])
            {
                case ReplicaAnswer.ServerError or ReplicaAnswer.TooManyRequests:
                    var answer = AnswerOf(c, address);
                    harness.Client.Answer(address, answer.StatusCode, answer.Body);
                    break;
                case ReplicaAnswer.Unreachable:
                    harness.Client.Unreachable(address, AnswerOf(c, address).Body, CallFailure.Indefinite);
                    break;
            }
        }

        var sets = c.Streams.Select(k => ring.Get(LokiRouting.TokenFor("fake", QuorumCase.Selector(k)), LokiRouting.RingOperations.WriteNoExtend, now)).ToList();
        return (harness, sets);
    }

    private static PushResponse AnswerOf(QuorumCase c, string address) => c.Answers[Array.IndexOf([.. Enumerable.Range(0, c.Answers.Length).Select(TestRing.Address)], address)] switch
    {
        ReplicaAnswer.ServerError => new PushResponse(500, "server error at " + address),
        ReplicaAnswer.TooManyRequests => new PushResponse(429, "too many requests at " + address),
        ReplicaAnswer.Unreachable => new PushResponse(500, "no answer from " + address),
        _ => PushResponse.NoContent,
    };

    private static PushRequest Request(QuorumCase c) =>
        new("fake", [.. c.Streams.Select(k => new PushStream(QuorumCase.Selector(k), [Requests.At(0, "line")]))]);
}
