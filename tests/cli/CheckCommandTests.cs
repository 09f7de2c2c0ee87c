using System.Text.Json;
using System.Xml.Linq;
using Shouldly;
using Verified.Cli.Check;
using Verified.Conformance;
using Verified.Conformance.Checks;
using Verified.Routing;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Cli.Tests;

/// <summary><c>verified check</c>: formats, exit codes, and a failing target reported as failed with a replay line.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void JsonReport_ListsEveryCatalogueRequirementWithItsStatus()
    {
        var (exit, stdout, _) = Run(new CheckOptions(ReportFormat.Json, null, SharedVectors.Directory, 20, null, "service_name"));
        exit.ShouldBe(0);
        var report = JsonDocument.Parse(stdout).RootElement;
        report.GetProperty("result").GetString().ShouldBe("passed");
        var requirements = report.GetProperty("requirements").EnumerateArray().ToList();
        requirements.Select(r => r.GetProperty("id").GetString()).ShouldBe(SpecCatalog.Requirements.Select(r => r.Id));
        requirements.Single(r => r.GetProperty("id").GetString() == "LOKI-PLACE-12").GetProperty("status").GetString().ShouldBe("passed");
        requirements.Single(r => r.GetProperty("id").GetString() == "ES-PLACE-1").GetProperty("status").GetString().ShouldBe("not_covered");
    }

    [Fact]
    public void JunitReport_IsWrittenToTheOutputFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verified-junit-{Environment.ProcessId}.xml");
        try
        {
            var (exit, stdout, _) = Run(new CheckOptions(ReportFormat.Junit, path, SharedVectors.Directory, 20, null, "state changes"));
            exit.ShouldBe(0);
            stdout.ShouldContain("report written to");
            var xml = XDocument.Load(path);
            xml.Descendants("testcase").Count().ShouldBe(SpecCatalog.Requirements.Length);
            xml.Descendants("failure").ShouldBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FailingTarget_ExitsNonZeroAndNamesTheFailure()
    {
        var broken = PlacementTarget.Reference with { Name = "seeded-bug", Loki = MutantLokiUnsortedLabelsRouting.Instance };
        var (exit, stdout, _) = Run(new CheckOptions(ReportFormat.Table, null, SharedVectors.Directory, 50, null, "service_name"), broken);
        exit.ShouldBe(1);
        stdout.ShouldContain("FAILED");
        stdout.ShouldContain("LOKI-PLACE-12");
    }

    [Fact]
    public void OnlyMatchingNothing_IsAUsageError()
    {
        var (exit, _, stderr) = Run(new CheckOptions(ReportFormat.Table, null, null, 10, null, "no such check"));
        exit.ShouldBe(2);
        stderr.ShouldContain("no check name contains 'no such check'");
    }

    [Fact]
    public void MutantSpecChosenOnTheCommandLine_IsCaught()
    {
        var (exit, stdout, _) = Run(new CheckOptions(ReportFormat.Json, null, SharedVectors.Directory, 50, null, "service_name", LokiSpec: "mutant-loki-unsorted-labels"));
        exit.ShouldBe(1);
        var report = JsonDocument.Parse(stdout).RootElement;
        report.GetProperty("target").GetString().ShouldBe("mutant-loki-unsorted-labels + elasticsearch");
        report.GetProperty("result").GetString().ShouldBe("failed");
    }

    [Fact]
    public void UnknownSpecOnTheCommandLine_IsAUsageErrorListingTheChoices()
    {
        var (exit, _, stderr) = Run(new CheckOptions(ReportFormat.Table, null, null, 10, null, null, ElasticsearchSpec: "loki"));
        exit.ShouldBe(2);
        stderr.ShouldContain("--es-spec: no spec 'loki' of that kind; choose one of: elasticsearch, elasticsearch-modulo");
    }

    [Fact]
    public void Suite_CitesEveryCatalogueRequirement_With69Checks()
    {
        var cited = ConformanceSuite.All.SelectMany(c => c.Requirements).ToHashSet(StringComparer.Ordinal);
        SpecCatalog.Requirements.Select(r => r.Id).Where(id => !cited.Contains(id)).ShouldBeEmpty();
        SpecCatalog.Requirements.Length.ShouldBe(65);
        ConformanceSuite.All.Length.ShouldBe(69);
    }

    [Fact]
    public void FullRun_CoversEveryRequirement_AndTheReadPathChecksPass()
    {
        var (_, stdout, _) = Run(new CheckOptions(ReportFormat.Json, null, SharedVectors.Directory, 20, null, null));
        var requirements = JsonDocument.Parse(stdout).RootElement.GetProperty("requirements").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("status").GetString());
        foreach (var id in new[] { "LOKI-READ-4", "LOKI-READ-6", "LOKI-READ-7", "LOKI-READ-8", "LOKI-READ-9" })
        {
            requirements[id].ShouldBe("passed", id);
        }

        requirements.Where(r => r.Value == "not_covered").Select(r => r.Key).ShouldBeEmpty();
        requirements.Count.ShouldBe(65);
    }

    [Fact]
    public void LokiCompatibleReadVariant_FailsSplitEquivalence()
    {
        var (exit, stdout, _) = Run(new CheckOptions(ReportFormat.Json, null, SharedVectors.Directory, 100, null, "split query", LokiSpec: "loki-compat-read"));
        exit.ShouldBe(1);
        var requirements = JsonDocument.Parse(stdout).RootElement.GetProperty("requirements").EnumerateArray();
        requirements.Single(r => r.GetProperty("id").GetString() == "LOKI-READ-4").GetProperty("status").GetString().ShouldBe("failed");
    }

    private static (int Exit, string Stdout, string Stderr) Run(CheckOptions options, PlacementTarget? target = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CheckCommand.Run(options, stdout, stderr, target);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
