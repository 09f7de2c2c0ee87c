using Verified.Reference.Loki.LogQL;
using Verified.Reference.Loki;

namespace Verified.LogQL.Tests;

/// <summary>The Go formatting and duration helpers against values known from Go.</summary>
public sealed class GoFormatTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1500L, "1.5µs")]
    [InlineData(250_000_000L, "250ms")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(300_000_000_000L, "5m0s")]
    [InlineData(3_600_000_000_000L, "1h0m0s")]
    [InlineData(-300_000_000_000L, "-5m0s")]
    [InlineData(432_000_000_000_000L, "120h0m0s")]
    public void GoDurationString(long nanos, string expected) => GoDuration.FormatGo(nanos).ShouldBe(expected);

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(90L * 60 * 1_000_000_000, "1h30m")]
    [InlineData(7L * 24 * 3600 * 1_000_000_000, "1w")]
    [InlineData(8L * 24 * 3600 * 1_000_000_000, "8d")]
    [InlineData(365L * 24 * 3600 * 1_000_000_000, "1y")]
    [InlineData(1_000_000L, "1ms")]
    public void PrometheusDurationString(long nanos, string expected) => GoDuration.FormatProm(nanos).ShouldBe(expected);

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    public void FmtSprintOfFloat(double value, string expected) => GoFloat.FormatV(value).ShouldBe(expected);

    [Theory]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(5.01, "5.01")]
    public void FormatFloatShortestFixed(double value, string expected) => GoFloat.FormatShortestFixed(value).ShouldBe(expected);

    [Theory]
    [InlineData("5minutes", "time: unknown unit \"minutes\" in duration \"5minutes\"")]
    [InlineData("5", "time: missing unit in duration \"5\"")]
    public void GoDurationErrors(string text, string expected)
    {
        GoDuration.TryParseGo(text, out var error).ShouldBeNull();
        error.ShouldBe(expected);
    }

    [Theory]
    [InlineData(5UL, "5B")]
    [InlineData(2560UL, "2.6kB")]
    [InlineData(10_000_000_000UL, "10GB")]
    public void HumanizeBytesFormat(ulong bytes, string expected) => HumanizeBytes.Format(bytes).ShouldBe(expected);
}
