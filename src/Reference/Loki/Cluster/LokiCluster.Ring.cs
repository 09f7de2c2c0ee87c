using Verified.Reference.Loki.Ring;
using LokiRing = Verified.Reference.Loki.Ring.Ring;

namespace Verified.Reference.Loki.Cluster;

/// <summary>Ring membership: each ingester's lifecycler publishes its entry once the ingester has replayed its WAL.</summary>
public sealed partial class LokiCluster
{
    /// <summary>
    /// The dskit lifecycler of <paramref name="member"/>: a first start draws fresh tokens (PENDING → ACTIVE, observe
    /// period 0); a restart that finds its own entry resumes it (JOINING → PENDING, LEAVING → ACTIVE) and keeps its
    /// tokens, as dskit's initRing does. Heartbeats are whole seconds of the injected clock.
    /// </summary>
    private Task JoinRing(Member member)
    {
        if (member.Lifecycle is null)
        {
            var taken = _members.Values.SelectMany(m => m.Tokens).ToHashSet();
            member.Tokens = [.. _tokens.Generate(Options.Spec.TokensPerInstance, taken)];
            member.Lifecycle = new InstanceLifecycle(Options.Spec.Lifecycle);
            member.Lifecycle.ChangeTo(Options.Spec.FindState("ACTIVE")!.Value.Name);
        }
        else
        {
            member.Lifecycle = InstanceLifecycle.Resume(Options.Spec.Lifecycle, member.Lifecycle.State);
        }

        member.Heartbeat = Time.GetUtcNow().ToUnixTimeSeconds();
        PublishRing();
        return Task.CompletedTask;
    }

    /// <summary>Heartbeats every running ingester and republishes the ring (crashed ones keep their last heartbeat).</summary>
    public void Heartbeat()
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var member in _members.Values.Where(m => m.Process is not null && m.Lifecycle is not null))
        {
            member.Heartbeat = now;
        }

        PublishRing();
    }

    private void PublishRing()
    {
        var instances = _members.Values
            .Where(m => m.Lifecycle is not null)
            .Select(m => new RingInstance(m.Name, m.Name, string.Empty, Options.Spec.FindState(m.Lifecycle!.State)!.Value, m.Tokens, m.Heartbeat));
        _ring = new LokiRing(Options.Spec, instances);
    }

    private bool Owns(string name, uint token)
    {
        var set = _ring.Get(token, Options.Spec.DistributorOperation, Time.GetUtcNow().ToUnixTimeSeconds());
        return set.Succeeded && set.Instances.Any(i => i.Id == name);
    }
}
