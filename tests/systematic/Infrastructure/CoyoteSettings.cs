using System.Globalization;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;

namespace Verified.Systematic.Tests.Infrastructure;

/// <summary>
/// The exploration budget and the seed, from environment variables so CI stays fast while a long hunt is one
/// variable away. Every run is reproducible: same seed, same schedules.
/// </summary>
internal static class CoyoteSettings
{
    /// <summary>Iterations (schedules) per test; default <see cref="DefaultIterations"/>.</summary>
    public const string IterationsVariable = "VERIFIED_COYOTE_ITERATIONS";

    /// <summary>Seed of the scheduling strategy; default <see cref="DefaultSeed"/>.</summary>
    public const string SeedVariable = "VERIFIED_COYOTE_SEED";

    /// <summary>A .trace file to replay instead of exploring (only for the scenario it was recorded from).</summary>
    public const string ReplayVariable = "VERIFIED_COYOTE_REPLAY";

    /// <summary>Small on purpose: the default suite must stay well under a minute on two cores.</summary>
    public const uint DefaultIterations = 100;

    /// <summary>Any fixed value; changing it explores different schedules.</summary>
    public const uint DefaultSeed = 4242;

    /// <summary>
    /// Priority-based (PCT) scheduling finds ordering bugs with few context switches quickly; unfair, since
    /// every scenario here terminates on its own; at most this many priority changes per schedule.
    /// </summary>
    private const uint PriorityChangeBound = 10;

    /// <summary>The configured iterations.</summary>
    public static uint Iterations => Read(IterationsVariable, DefaultIterations);

    /// <summary>The configured seed.</summary>
    public static uint Seed => Read(SeedVariable, DefaultSeed);

    /// <summary>The trace file to replay, if one is set.</summary>
    public static string? ReplayTraceFile => Environment.GetEnvironmentVariable(ReplayVariable) is { Length: > 0 } path ? path : null;

    /// <summary>Exploration: seeded PCT over the settings every run shares.</summary>
    public static Configuration Exploration() =>
        Common()
            .WithTestingIterations(Iterations)
            .WithRandomGeneratorSeed(Seed)
            .WithPrioritizationStrategy(isFair: false, priorityChangeBound: PriorityChangeBound);

    /// <summary>Replay of one recorded schedule (the trace carries the strategy and seed it came from).</summary>
    public static Configuration Replay(string reproducibleTrace) =>
        Common().WithReproducibleTrace(reproducibleTrace);

    /// <summary>
    /// Telemetry off (NOTES-dotnet 5), quiet, and concurrency Coyote cannot control is an error rather than a
    /// blind spot.
    /// </summary>
    private static Configuration Common() =>
        Configuration.Create()
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithPartiallyControlledConcurrencyAllowed(false);

    private static uint Read(string variable, uint fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{variable} must be a positive whole number, got '{text}'.");
    }
}
