using System.Globalization;
using System.Xml;
using Verified.Conformance.Checks;

namespace Verified.Cli.Check;

/// <summary>JUnit XML: one testsuite per spec system, one testcase per requirement (skipped when not covered).</summary>
internal static class JunitReport
{
    public static void Write(SuiteReport report, Stream output)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true });
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "verified check " + report.Target);
        foreach (var group in report.Requirements.GroupBy(r => r.Requirement.Id.Split('-')[0]))
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", group.Key);
            xml.WriteAttributeString("tests", group.Count().ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", group.Count(r => r.Status == RequirementStatus.Failed).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("skipped", group.Count(r => r.Status is RequirementStatus.Skipped or RequirementStatus.NotCovered).ToString(CultureInfo.InvariantCulture));
            foreach (var r in group)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", group.Key);
                xml.WriteAttributeString("name", $"{r.Requirement.Id} ({r.Requirement.Level.ToString().ToUpperInvariant()}) {r.Requirement.Text}");
                xml.WriteAttributeString("time", r.Checks.Sum(c => c.Elapsed.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture));
                switch (r.Status)
                {
                    case RequirementStatus.Failed:
                        var failed = r.Checks.Where(c => c.Outcome.Verdict == Verdict.Failed).ToList();
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", string.Join("; ", failed.Select(c => c.Check.Name)));
                        xml.WriteString(string.Join("\n\n", failed.Select(c => $"{c.Check.Name}: {c.Outcome.Detail}{(c.Outcome.Replay is { } replay ? "\nreplay: " + replay : string.Empty)}")));
                        xml.WriteEndElement();
                        break;
                    case RequirementStatus.Skipped:
                    case RequirementStatus.NotCovered:
                        xml.WriteStartElement("skipped");
                        xml.WriteAttributeString("message", r.Status == RequirementStatus.NotCovered ? "not yet covered" : string.Join("; ", r.Checks.Select(c => c.Outcome.Detail).Distinct()));
                        xml.WriteEndElement();
                        break;
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var id in report.UnknownRequirementIds)
        {
            xml.WriteComment($" a check cites unknown requirement {id} ");
        }

        xml.WriteEndElement();
    }
}
