using Shouldly;
using Verified.Reference.Loki.Ring;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The instance lifecycle from the spec's table (LOKI-LIFE-1, LOKI-LIFE-2) and its diagram in docs/.</summary>
public sealed class LifecycleTests
{
    /// <summary>Set to 1 to (re)write docs/lifecycle-loki.mmd from the spec instead of comparing.</summary>
    public const string AcceptVariable = "VERIFIED_ACCEPT_DOCS";

    private static readonly LifecycleTable Table = LokiRouting.LifecycleTable;

    /// <summary>dskit ring/lifecycler.go changeState: the only allowed changes (LOKI.md §2).</summary>
    public static TheoryData<string, string> Allowed { get; } = new()
    {
        { "PENDING", "JOINING" },
        { "JOINING", "PENDING" },
        { "JOINING", "ACTIVE" },
        { "PENDING", "ACTIVE" },
        { "ACTIVE", "LEAVING" },
    };

    /// <summary>Every other ordered pair of states, the same state twice included.</summary>
    public static TheoryData<string, string> Disallowed
    {
        get
        {
            var data = new TheoryData<string, string>();
            var allowed = Allowed.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
            foreach (var from in Table.States)
            {
                foreach (var to in Table.States.Where(to => !allowed.Contains((from, to))))
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }

    [Theory]
    [Requirement("LOKI-LIFE-1")]
    [MemberData(nameof(Allowed))]
    public void AllowedChange_Succeeds(string from, string to)
    {
        var lifecycle = new InstanceLifecycle(Table, from);
        lifecycle.ChangeTo(to);
        lifecycle.State.ShouldBe(to);
    }

    [Theory]
    [Requirement("LOKI-LIFE-1")]
    [MemberData(nameof(Disallowed))]
    public void DisallowedChange_FailsWithDskitText(string from, string to)
    {
        var lifecycle = new InstanceLifecycle(Table, from);
        Should.Throw<InvalidTransitionException>(() => lifecycle.ChangeTo(to)).Message.ShouldBe($"changing instance state from {from} -> {to} is disallowed");
        lifecycle.State.ShouldBe(from);
    }

    [Fact]
    [Requirement("LOKI-LIFE-1")]
    public void NewInstance_StartsPending() => new InstanceLifecycle(Table).State.ShouldBe("PENDING");

    [Theory]
    [Requirement("LOKI-LIFE-2")]
    [InlineData("JOINING", "PENDING")]
    [InlineData("LEAVING", "ACTIVE")]
    [InlineData("ACTIVE", "ACTIVE")]
    [InlineData("PENDING", "PENDING")]
    public void RestartFindingItsOwnEntry_Resumes(string found, string resumed) =>
        InstanceLifecycle.Resume(Table, found).State.ShouldBe(resumed);

    [Fact]
    [Requirement("LOKI-LIFE-1")]
    public void MermaidDiagramInDocs_MatchesTheSpec()
    {
        var path = Path.Combine(TestEnvironment.RepositoryRoot.FullName, "docs", "lifecycle-loki.mmd");
        var diagram = new InstanceLifecycle(Table).ToMermaid().ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(path, diagram);
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run the tests once with {AcceptVariable}=1 to write it from the spec");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(diagram, $"docs/lifecycle-loki.mmd drifted from spec/loki.yaml; rerun with {AcceptVariable}=1 and review the diff");
    }
}
