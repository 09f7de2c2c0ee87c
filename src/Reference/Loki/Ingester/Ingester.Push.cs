using System.Globalization;
using Verified.Reference.Loki.Ingester.Wal;
using Verified.Reference.Loki.Labels;
using Verified.Reference.Loki.Push;
using Verified.Reference.Simulation;

namespace Verified.Reference.Loki.Ingester;

public sealed partial class Ingester
{
    /// <summary>
    /// Loki's ingester <c>Push</c> (loki pkg/ingester/instance.go): each stream in order is found or created
    /// (429 past the active-stream limit) and pushed (<see cref="LogStream.Push"/>); the appended entries go into
    /// one WAL record, written and synced before the answer. The answer is the LAST stream's result under
    /// <see cref="Compat.LokiCompat"/> — an earlier rejection is masked by a later success, Loki's named flaw —
    /// and the FIRST failure under <see cref="Compat.Strict"/>. A stopping ingester, or one whose WAL disk is
    /// over <see cref="IngesterConfig.WalMaxDiskUsage"/> full, answers 500 <c>Ingester is shutting down</c>.
    /// </summary>
    /// <exception cref="RemoteCallException">The ingester has crashed (definite), or crashed during the push (indefinite).</exception>
    public async Task<IngesterPushResponse> PushAsync(IngesterPushRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfCrashed();
        var state = _lifecycle.State;
        if (state is IngesterStates.Stopping or IngesterStates.Stopped)
        {
            return new IngesterPushResponse(IngesterErrors.InternalStatus, IngesterErrors.ShuttingDown);
        }

        if (state is not (IngesterStates.Joining or IngesterStates.Running))
        {
            return new IngesterPushResponse(IngesterErrors.UnavailableStatus, string.Format(CultureInfo.InvariantCulture, IngesterErrors.NotReady, state));
        }

        if (_deps.Disk.UsedFraction > Config.WalMaxDiskUsage)
        {
            return new IngesterPushResponse(IngesterErrors.InternalStatus, IngesterErrors.ShuttingDown);
        }

        using var linked = Link(cancellationToken);
        try
        {
            var (results, record) = await UnderMemoryAsync(memory => Append(memory, request), linked.Token).ConfigureAwait(false);
            if (record is not null && await LogAsync(record, linked.Token).ConfigureAwait(false) is { } walError)
            {
                return new IngesterPushResponse(IngesterErrors.InternalStatus, walError);
            }

            return Answer(results);
        }
        catch (OperationCanceledException) when (_crashed)
        {
            throw Interrupted("a push");
        }
    }

    private (List<IngesterPushResponse> Results, WalRecord? Record) Append(IngesterMemory memory, IngesterPushRequest request)
    {
        var now = _deps.Time.GetUtcNow();
        var tenant = Tenant(memory, request.Tenant);
        var results = new List<IngesterPushResponse>(request.Streams.Length);
        var walStreams = new List<WalStreamRecord>();
        foreach (var pushed in request.Streams)
        {
            LogStream stream;
            try
            {
                var (found, canonical, parsed) = LookupStream(tenant, pushed.Labels);
                if (found is null && tenant.Count >= StreamLimit())
                {
                    results.Add(new IngesterPushResponse(IngesterErrors.StreamLimitStatus, IngesterErrors.StreamLimit(canonical, request.Tenant)));
                    continue;
                }

                stream = found ?? CreateStream(tenant, canonical, parsed!, pushed.Token, fingerprint: null);
            }
            catch (LabelParseException e)
            {
                // instance.go createStream: a label parse error is a 400 with the parser's text.
                results.Add(new IngesterPushResponse(400, e.Message));
                continue;
            }

            var push = stream.Push(pushed.Entries, replay: false, now);
            if (push.Stored.Count > 0)
            {
                walStreams.Add(new WalStreamRecord(stream.Fingerprint, stream.Token, stream.Labels, stream.EntryCount, push.Stored));
            }

            results.Add(push.Failed.Count == 0
                ? IngesterPushResponse.Ok
                : new IngesterPushResponse(push.Failed[^1].StatusCode, IngesterErrors.FailedEntries(request.Tenant, stream.Labels, push.Failed, push.Total, Config.MaxReturnedStreamErrors)));
        }

        return (results, walStreams.Count == 0 ? null : new WalRecord(request.Tenant, walStreams));
    }

    private IngesterPushResponse Answer(List<IngesterPushResponse> results)
    {
        if (results.Count == 0)
        {
            return IngesterPushResponse.Ok;
        }

        return Config.Compat == Compat.LokiCompat
            ? results[^1]
            : results.FirstOrDefault(r => !r.IsSuccess) ?? IngesterPushResponse.Ok;
    }

    /// <summary>
    /// Writes and syncs <paramref name="record"/>; null on success, else the error text for a 500. ENOSPC is
    /// Loki's named flaw: under <see cref="Compat.LokiCompat"/> the record is skipped and the push still succeeds
    /// (and, as in Loki, the ingester will flush everything when it shuts down).
    /// </summary>
    private async Task<string?> LogAsync(WalRecord record, CancellationToken cancellationToken)
    {
        await _walGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WritePendingAsync(cancellationToken).ConfigureAwait(false);
            if ((_faults & IngesterFaults.WalAfterAck) != 0)
            {
                // Seeded bug: this record is written by the next WAL operation, after the push was answered.
                _memory.PendingWal.Add(record);
                return null;
            }

            await _wal!.AppendAsync(record, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DiskFullException e)
        {
            if (Config.Compat == Compat.LokiCompat)
            {
                _flushOnShutdown = true;
                return null;
            }

            return e.Message;
        }
        catch (IOException e)
        {
            return e.Message;
        }
        finally
        {
            _walGate.Release();
        }
    }

    /// <summary>Writes records a seeded bug held back; a no-op otherwise. Holds the WAL gate.</summary>
    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        var pending = _memory.PendingWal;
        while (pending.Count > 0)
        {
            await _wal!.AppendAsync(pending[0], cancellationToken).ConfigureAwait(false);
            pending.RemoveAt(0);
        }
    }

    /// <summary>
    /// Active streams a tenant may have here (loki pkg/ingester/limiter.go): the smaller non-zero of
    /// <c>max_streams_per_user</c> and <c>max_global_streams_per_user / healthy ingesters × RF</c>; unlimited when both are 0.
    /// </summary>
    private int StreamLimit()
    {
        var local = Config.MaxLocalStreamsPerUser;
        var global = 0;
        if (Config.MaxGlobalStreamsPerUser > 0 && _deps.HealthyIngesters?.Invoke() is int healthy && healthy > 0)
        {
            global = (int)((double)Config.MaxGlobalStreamsPerUser / healthy * Config.ReplicationFactor);
        }

        var limit = local == 0 ? global : global == 0 ? local : Math.Min(local, global);
        return limit == 0 ? int.MaxValue : limit;
    }
}
