namespace Verified.Conformance.Durability;

/// <summary>One step of a generated write workload.</summary>
public abstract record WriteOperation
{
    /// <summary>Push <paramref name="Count"/> entries to one stream; <paramref name="BackSeconds"/> puts them before the stream's newest.</summary>
    public sealed record Push(int Tenant, int Stream, int Count, int BackSeconds, bool RepeatLast) : WriteOperation
    {
        /// <inheritdoc />
        public override string ToString() => $"push t{Tenant}/s{Stream} x{Count}{(BackSeconds > 0 ? $" -{BackSeconds}s" : string.Empty)}{(RepeatLast ? " +dup" : string.Empty)}";
    }

    /// <summary>Crash an ingester (memory lost, unsynced disk bytes torn).</summary>
    public sealed record Crash(int Ingester) : WriteOperation
    {
        /// <inheritdoc />
        public override string ToString() => $"crash ingester-{Ingester}";
    }

    /// <summary>Drop the distributor's next <paramref name="Count"/> requests to an ingester (that replica misses them).</summary>
    public sealed record DropRequests(int Ingester, int Count) : WriteOperation
    {
        /// <inheritdoc />
        public override string ToString() => $"drop next {Count} requests to ingester-{Ingester}";
    }

    /// <summary>Restart every crashed ingester (WAL replay, then ring join).</summary>
    public sealed record RestartAll : WriteOperation
    {
        /// <inheritdoc />
        public override string ToString() => "restart crashed";
    }

    /// <summary>Flush every chunk of every running ingester.</summary>
    public sealed record Flush : WriteOperation
    {
        /// <inheritdoc />
        public override string ToString() => "flush";
    }

    /// <summary>Make the next puts to the object store fail.</summary>
    public sealed record FailStorePuts(int Count) : WriteOperation
    {
        /// <inheritdoc />
        public override string ToString() => $"fail next {Count} store puts";
    }

    /// <summary>Move the clock forward (and heartbeat the running ingesters).</summary>
    public sealed record Advance(int Seconds) : WriteOperation
    {
        /// <inheritdoc />
        public override string ToString() => $"advance {Seconds}s";
    }

    /// <summary>
    /// A log query of one tenant through the frontend: a selector (0 = one app, 1 = one stream, 2 = an app regex, 3 = an
    /// app with a line filter), a time range whose edges are timestamps written so far (picked by
    /// <paramref name="From"/> and <paramref name="To"/>, so split and range boundaries fall on entries), a direction
    /// and a limit.
    /// </summary>
    public sealed record Query(int Tenant, int Selector, int From, int To, bool Backward, int Limit) : WriteOperation
    {
        /// <inheritdoc />
        public override string ToString() => $"query t{Tenant} sel{Selector} [{From}..{To}] {(Backward ? "backward" : "forward")} limit {Limit}";
    }
}
