namespace Verified.Systematic.Tests.Infrastructure;

/// <summary>What one Coyote engine run over a scenario found.</summary>
/// <param name="Scenario">Type.Method of the scenario; trace files start with it.</param>
/// <param name="Method">The scenario's full name, the <c>-m</c> of <c>coyote replay</c>.</param>
/// <param name="Replayed">Whether this run replayed a recorded trace instead of exploring.</param>
/// <param name="Iterations">Schedules run; when a bug was found, the iteration that found it.</param>
/// <param name="Elapsed">Wall time of the run (reported, never asserted on).</param>
/// <param name="Bug">Coyote's bug report, or null when every schedule kept the invariants.</param>
/// <param name="ReproducibleTrace">The schedule that led to <paramref name="Bug"/> (JSON), or "".</param>
/// <param name="TraceFiles">The .trace/.txt files written for <paramref name="Bug"/>.</param>
/// <param name="UncontrolledInvocations">Calls Coyote saw but could not control (must be none).</param>
internal sealed record Exploration(
    string Scenario,
    string Method,
    bool Replayed,
    int Iterations,
    TimeSpan Elapsed,
    string? Bug,
    string ReproducibleTrace,
    IReadOnlyList<string> TraceFiles,
    IReadOnlyCollection<string> UncontrolledInvocations)
{
    /// <summary>The .trace file that <c>coyote replay</c> and <see cref="CoyoteSettings.ReplayVariable"/> take.</summary>
    public string? TraceFile => TraceFiles.FirstOrDefault(f => f.EndsWith(".trace", StringComparison.Ordinal));

    /// <summary>Throughput, for the report.</summary>
    public double IterationsPerSecond => Elapsed.TotalSeconds > 0 ? Iterations / Elapsed.TotalSeconds : 0;

    /// <summary>One line for the test output.</summary>
    public string Summary =>
        $"{Scenario}: {(Replayed ? "replayed a recorded trace" : $"explored {Iterations} schedule(s)")} in {Elapsed.TotalSeconds:0.00}s " +
        $"({IterationsPerSecond:0} it/s, seed {CoyoteSettings.Seed}); {(Bug is null ? "no bug" : "bug found")}.";
}
