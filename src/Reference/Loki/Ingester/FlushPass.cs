namespace Verified.Reference.Loki.Ingester;

/// <summary>Counters of one flush pass.</summary>
internal sealed class FlushPass(DateTimeOffset now)
{
    public DateTimeOffset Now { get; } = now;

    public List<FlushedChunk> Flushed { get; } = [];

    public int FailedAttempts { get; set; }

    public int RetriesScheduled { get; set; }

    public int GivenUp { get; set; }

    public int Removed { get; set; }

    public FlushReport Report()
    {
        lock (Flushed)
        {
            return new FlushReport([.. Flushed], FailedAttempts, RetriesScheduled, GivenUp, Removed);
        }
    }
}
