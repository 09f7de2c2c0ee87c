using System.Collections.Immutable;
using Verified.Reference.Loki.Ingester;
using Verified.Reference.Loki.Push;
using Verified.Routing;

namespace Verified.Reference.Loki.Querier;

/// <summary>The ingester side: the ring's read set, asked until quorum.</summary>
public sealed partial class Querier
{
    /// <summary>
    /// Every ingester of the whole-ring read set (loki pkg/querier/ingester_querier.go <c>forAllIngesters</c> →
    /// <c>GetReplicationSetForOperation(Read)</c>), asked through dskit's <c>DoUntilQuorum</c>: the first
    /// |set| − MaxErrors successes are kept and the rest are not waited for; more than MaxErrors failures fail the query
    /// with the failure that crossed the line. Verified asks in the set's order (by instance id), one at a time, so
    /// "first" is deterministic. Each ingester is sent the limit and the pipeline (0: everything, for metric queries).
    /// </summary>
    private async Task<List<(string Address, IReadOnlyList<StreamEntry> Entries)>> QueryIngestersAsync(LogQueryRequest request, TimeInterval interval, int limit, long nowUnixSeconds, CancellationToken cancellationToken)
    {
        var ring = _deps.Ring();
        var operation = ring.Spec.FindOperation("Read") ?? LokiRouting.RingOperations.Read;
        var set = ring.GetReplicationSetForOperation(operation, nowUnixSeconds);
        if (!set.Succeeded)
        {
            throw new QuerierException(500, set.Error!);
        }

        var pipeline = request.Pipeline;
        var query = new IngesterQuery(request.Tenant, interval.StartNs, interval.EndNs, request.Matches, request.Direction, limit, pipeline is null ? null : (labels, entry) => pipeline(labels, entry) is not null);
        var needed = set.Instances.Length - set.MaxErrors;
        var failures = 0;
        var hashes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var answers = new List<(string, IReadOnlyList<StreamEntry>)>();
        foreach (var instance in set.Instances)
        {
            if (answers.Count >= needed)
            {
                break;
            }

            IReadOnlyList<Ingester.IngesterQueryStream> streams;
            try
            {
                streams = await _deps.Ingesters.QueryAsync(instance.Addr, query, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (++failures > set.MaxErrors)
                {
                    throw new QuerierException(500, e.Message, e);
                }

                continue;
            }

            var sources = streams
                .Where(s => request.Matches(s.Labels)) // a client is remote code: never trust it to have filtered
                .Select(s => new SourceStream(s.Labels, StreamHash(s.Labels, hashes), InDirection(s.Entries, interval, request.Direction)));
            answers.Add((instance.Addr, EntryMerger.Sort(sources, request.Direction)));
        }

        return answers;
    }

    /// <summary>A FORWARD stream's entries inside <paramref name="interval"/>, reversed for BACKWARD (same-ts entries too, as Loki's backward iterators do).</summary>
    private static ImmutableArray<LogEntry> InDirection(IEnumerable<LogEntry> forward, TimeInterval interval, Direction direction)
    {
        var kept = forward.Where(e => interval.Contains(e.TimestampNs));
        return direction == Direction.Forward ? [.. kept] : [.. kept.Reverse()];
    }
}
