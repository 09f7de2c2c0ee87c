using System.Collections.Immutable;

namespace Verified.Reference.Loki.Frontend;

/// <summary>
/// How both frontends run their pieces through the <see cref="Scheduler"/>: at most <c>parallelism</c> queued at a
/// time, answers consumed in piece order, the next piece queued as each answer is consumed, and everything still
/// outstanding cancelled when the caller stops (Loki cancels the request context). A piece refused at the door
/// (<see cref="QueryRejectedException"/>, e.g. 429) fails the run at once, without waiting for the pieces ahead of it.
/// </summary>
/// <remarks>
/// Loki's workers take the next piece whenever any piece finishes; here the next piece is queued when the oldest
/// outstanding answer is consumed. The answers are the same; only how far ahead pieces were started differs.
/// </remarks>
internal static class PieceWindow
{
    /// <summary>
    /// Runs <paramref name="pieces"/> in order until <paramref name="enough"/> says the answers so far suffice (checked
    /// after each one), or all have answered. A querier's failure propagates as its exception.
    /// </summary>
    /// <returns>The answers consumed, in piece order, or the rejection that failed the run.</returns>
    public static async Task<(List<QueryResult> Answers, QueryRejectedException? Rejected)> RunAsync(
        Scheduler scheduler, ImmutableArray<SplitRequest> pieces, int parallelism, Func<QueryResult, bool> enough, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answers = new Task<QueryResult>[pieces.Length];
        var queued = 0;
        for (; queued < Math.Min(parallelism, pieces.Length); queued++)
        {
            answers[queued] = scheduler.EnqueueAsync(pieces[queued], stop.Token);
        }

        var consumed = new List<QueryResult>(pieces.Length);
        try
        {
            if (Rejection(answers, queued) is { } refused)
            {
                return (consumed, refused);
            }

            for (var i = 0; i < pieces.Length; i++)
            {
                var answer = await answers[i].ConfigureAwait(false);
                consumed.Add(answer);
                if (enough(answer))
                {
                    break;
                }

                if (queued < pieces.Length)
                {
                    answers[queued] = scheduler.EnqueueAsync(pieces[queued], stop.Token);
                    queued++;
                    if (Rejection(answers, queued) is { } late)
                    {
                        return (consumed, late);
                    }
                }
            }
        }
        catch (QueryRejectedException rejected)
        {
            return (consumed, rejected);
        }
        finally
        {
            // Pieces no longer needed leave the queue; running ones see the token. Their failures are observed here.
            await stop.CancelAsync().ConfigureAwait(false);
            for (var i = consumed.Count; i < queued; i++)
            {
                _ = answers[i].ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        return (consumed, null);
    }

    private static QueryRejectedException? Rejection(Task<QueryResult>[] answers, int queued)
    {
        for (var i = 0; i < queued; i++)
        {
            if (answers[i].IsFaulted && answers[i].Exception?.InnerException is QueryRejectedException rejected)
            {
                return rejected;
            }
        }

        return null;
    }
}
