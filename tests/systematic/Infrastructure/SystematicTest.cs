using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Coyote;
using Microsoft.Coyote.Rewriting;
using Microsoft.Coyote.SystematicTesting;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Verified.Systematic.Tests.Infrastructure;

/// <summary>
/// The base of every systematic test: runs a scenario under Coyote's <see cref="TestingEngine"/> and checks the
/// expected outcome. A correct scenario must survive every explored schedule; a seeded bug (negative control)
/// must be found, and replaying the recorded schedule must find the very same bug — otherwise the trace we
/// print for a real failure would be worthless. Any bug leaves a trace file and replay instructions.
/// </summary>
public abstract partial class SystematicTest
{
    private readonly ITestOutputHelper _output;

    /// <summary>Takes xunit's output so each run can report throughput and trace paths.</summary>
    protected SystematicTest(ITestOutputHelper output) => _output = output;

    /// <summary>Explores <paramref name="scenario"/> and fails, with the trace and how to replay it, on any bug.</summary>
    protected void AssertNoBug(Func<Task> scenario, [CallerMemberName] string test = "")
    {
        var run = Explore(scenario, test);
        if (run.Bug is not null)
        {
            Assert.Fail($"Coyote found a bug in {run.Scenario} at iteration {run.Iterations}:\n{run.Bug}\n\n{ReplayHelp(run, test)}");
        }

        run.UncontrolledInvocations.ShouldBeEmpty("Coyote could not control these calls, so it explored less than it claims");
    }

    /// <summary>
    /// Explores a negative control: the seeded bug must be found with a report containing
    /// <paramref name="expected"/>, and a replay of its schedule must report the same bug. Returns the report.
    /// </summary>
    protected string AssertBugFound(Func<Task> scenario, string expected, [CallerMemberName] string test = "")
    {
        var run = Explore(scenario, test);
        run.Bug.ShouldNotBeNull($"{run.Summary} The seeded bug went unnoticed: the scenario's invariants cannot fail.");
        run.Bug.ShouldContain(expected, Case.Sensitive, $"Coyote found a different bug than the seeded one.\n{ReplayHelp(run, test)}");

        var replay = Replay(scenario, run.ReproducibleTrace);
        replay.Bug.ShouldBe(run.Bug, $"Replaying the recorded schedule must reproduce the same bug.\n{ReplayHelp(run, test)}");
        _output.WriteLine($"Expected bug found and reproduced by replay:\n{run.Bug}\n\n{ReplayHelp(run, test)}");
        return run.Bug;
    }

    /// <summary>Runs the engine over <paramref name="scenario"/> (or replays the trace named in the environment).</summary>
    private Exploration Explore(Func<Task> scenario, string test)
    {
        // Coyote only controls what it rewrote; unrewritten, async scenarios explore nothing (NOTES-dotnet 2).
        RewritingEngine.IsAssemblyRewritten(GetType().Assembly).ShouldBeTrue(
            $"{GetType().Assembly.GetName().Name} is not rewritten by Coyote; build the project so its rewrite target runs.");

        var recorded = RecordedTraceFileFor(scenario);
        if (recorded is not null)
        {
            return Replay(scenario, File.ReadAllText(recorded), recorded);
        }

        var run = Run(scenario, CoyoteSettings.Exploration(), replayedTrace: null, replayedFile: null);
        _output.WriteLine(run.Summary);
        return run;
    }

    private Exploration Replay(Func<Task> scenario, string trace, string? traceFile = null)
    {
        // An empty trace would not fail: Coyote would quietly explore with its default strategy instead.
        if (string.IsNullOrWhiteSpace(trace))
        {
            throw new InvalidOperationException($"No schedule to replay for {ScenarioName(scenario)}: the trace is empty.");
        }

        var run = Run(scenario, CoyoteSettings.Replay(trace), trace, traceFile);
        _output.WriteLine(run.Summary);
        return run;
    }

    private static Exploration Run(Func<Task> scenario, Configuration configuration, string? replayedTrace, string? replayedFile)
    {
        var name = ScenarioName(scenario);
        var clock = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, scenario);
        engine.Run();
        clock.Stop();

        var report = engine.TestReport;
        var bug = report.NumOfFoundBugs > 0 ? string.Join("\n", report.BugReports.Order(StringComparer.Ordinal)) : null;

        // A replay is reproduced by the trace it was given: in Coyote 1.7.11 a replaying engine's own
        // ReproducibleTrace is empty, and emitting its reports would overwrite the recorded trace file.
        IReadOnlyList<string> files = replayedTrace is not null ? (replayedFile is null ? [] : [replayedFile])
            : bug is null ? [] : EmitTraceFiles(engine, name);
        var trace = replayedTrace ?? (bug is null ? "" : engine.ReproducibleTrace);
        return new Exploration(
            name,
            $"{scenario.Method.DeclaringType?.FullName}.{scenario.Method.Name}",
            replayedTrace is not null,
            report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths,
            clock.Elapsed,
            bug,
            trace,
            files,
            report.UncontrolledInvocations);
    }
}
