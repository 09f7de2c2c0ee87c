using Verified.Reference.Simulation;

namespace Verified.Simulation.Tests;

/// <summary>The test protocol (Ping → Pong), registering echo handlers, and reading call outcomes.</summary>
public static class NetworkTestKit
{
    /// <summary>A request of the test protocol.</summary>
    public sealed record Ping(int Id);

    /// <summary>Its answer.</summary>
    public sealed record Pong(int Id);

    /// <summary>Registers an echo on <paramref name="node"/> that records each request it starts and waits <paramref name="work"/> first.</summary>
    public static void RegisterEcho(SimNetwork network, TimeProvider clock, string node, List<int> started, TimeSpan work = default) =>
        network.Register<Ping, Pong>(node, async (ping, ct) =>
        {
            started.Add(ping.Id);
            await clock.DelayAsync(work, ct).ConfigureAwait(false);
            return new Pong(ping.Id);
        });

    /// <summary>"ok", "Definite", "Indefinite", "canceled", "pending", or the exception's type name.</summary>
    public static string Outcome<T>(Task<T> call)
    {
        if (!call.IsCompleted)
        {
            return "pending";
        }

        if (call.IsCanceled)
        {
            return "canceled";
        }

        return call.Exception?.InnerException switch
        {
            null => "ok",
            RemoteCallException remote => remote.Failure.ToString(),
            var other => other.GetType().Name,
        };
    }
}
