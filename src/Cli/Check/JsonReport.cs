using System.Text.Encodings.Web;
using System.Text.Json;
using Verified.Conformance.Checks;

namespace Verified.Cli.Check;

/// <summary>The JSON report: target, totals, per requirement (with its checks), unknown IDs.</summary>
internal static class JsonReport
{
    public static void Write(SuiteReport report, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("target", report.Target);
        writer.WriteString("result", report.Failed ? "failed" : "passed");
        writer.WriteStartObject("totals");
        foreach (var status in Enum.GetValues<RequirementStatus>())
        {
            writer.WriteNumber(StatusText.Json(status), report.Requirements.Count(r => r.Status == status));
        }

        writer.WriteEndObject();
        writer.WriteStartArray("requirements");
        foreach (var r in report.Requirements)
        {
            writer.WriteStartObject();
            writer.WriteString("id", r.Requirement.Id);
            writer.WriteString("level", r.Requirement.Level.ToString().ToUpperInvariant());
            writer.WriteString("status", StatusText.Json(r.Status));
            writer.WriteString("text", r.Requirement.Text);
            writer.WriteString("source", r.Requirement.Source);
            writer.WriteStartArray("checks");
            foreach (var c in r.Checks)
            {
                writer.WriteStartObject();
                writer.WriteString("name", c.Check.Name);
                writer.WriteString("verdict", c.Outcome.Verdict.ToString().ToLowerInvariant());
                writer.WriteString("detail", c.Outcome.Detail);
                if (c.Outcome.Replay is { } replay)
                {
                    writer.WriteString("replay", replay);
                }

                writer.WriteNumber("elapsed_ms", Math.Round(c.Elapsed.TotalMilliseconds, 1));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("unknown_requirement_ids");
        foreach (var id in report.UnknownRequirementIds)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
