using Microsoft.Coyote.SystematicTesting;

namespace Verified.Systematic.Tests.Infrastructure;

/// <summary>Trace files and the instructions to replay them.</summary>
public abstract partial class SystematicTest
{
    /// <summary>Folder (under the test output directory) that bug traces are written to.</summary>
    public static string TraceDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "coyote-traces");

    /// <summary>Type.Method: trace files are named after it.</summary>
    private static string ScenarioName(Func<Task> scenario) =>
        $"{scenario.Method.DeclaringType?.Name}.{scenario.Method.Name}";

    private static IReadOnlyList<string> EmitTraceFiles(TestingEngine engine, string scenario)
    {
        Directory.CreateDirectory(TraceDirectory);
        return engine.TryEmitReports(TraceDirectory, scenario, out var files) ? [.. files] : [];
    }

    /// <summary>
    /// The trace named by <see cref="CoyoteSettings.ReplayVariable"/>, when it was recorded from this scenario
    /// (its file is named after the scenario); other scenarios in the same run explore as usual.
    /// </summary>
    private static string? RecordedTraceFileFor(Func<Task> scenario)
    {
        if (CoyoteSettings.ReplayTraceFile is not { } path)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{CoyoteSettings.ReplayVariable} names a trace file that does not exist: {path}", path);
        }

        return Path.GetFileNameWithoutExtension(path) == ScenarioName(scenario) ? Path.GetFullPath(path) : null;
    }

    private string ReplayHelp(Exploration run, string test)
    {
        if (run.TraceFile is not { } trace)
        {
            return "Coyote wrote no trace file for this run.";
        }

        var assembly = GetType().Assembly.Location;
        return $"""
            Trace: {trace}
            Replay it (from the repository root, after a build), either as this test:
              {CoyoteSettings.ReplayVariable}='{trace}' dotnet test tests/systematic/Verified.Systematic.Tests.csproj --no-build --filter "FullyQualifiedName={GetType().FullName}.{test}"
            or with the Coyote CLI (add -v debug --console to print every scheduling step):
              COYOTE_CLI_TELEMETRY_OPTOUT=1 dotnet tool run coyote replay '{assembly}' '{trace}' -m {run.Method}
            Bug report and statistics: {Path.ChangeExtension(trace, ".txt")}
            """;
    }
}
