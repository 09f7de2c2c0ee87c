using Shouldly;
using Verified.Reference.Loki;
using Xunit;

namespace Verified.Query.Tests.Querier;

/// <summary>Go time.Duration.String and Prometheus model.Duration.String, as Loki's query-length error prints them.</summary>
public sealed class GoDurationTests
{
    private const long Ns = 1;
    private const long Us = 1_000;
    private const long Ms = 1_000_000;
    private const long S = 1_000_000_000;
    private const long H = 3600 * S;

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1 * Ns, "1ns")]
    [InlineData(1100 * Ns, "1.1µs")]
    [InlineData(2200 * Us, "2.2ms")]
    [InlineData(3300 * Ms, "3.3s")]
    [InlineData((4 * 60 * S) + (5 * S), "4m5s")]
    [InlineData((4 * 60 * S) + (5001 * Ms), "4m5.001s")]
    [InlineData((5 * H) + (6 * 60 * S) + (7001 * Ms), "5h6m7.001s")]
    [InlineData(8 * 60 * S, "8m0s")]
    [InlineData(722 * H, "722h0m0s")]
    [InlineData(-1 * Ns, "-1ns")]
    [InlineData(-(3 * H), "-3h0m0s")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(20_000_000L, "20ms")]
    [InlineData(1_500L, "1.5µs")]
    [InlineData(60_000_000_000L, "1m0s")]
    [InlineData(3_600_001_000_000L, "1h0m0.001s")]
    [InlineData(-2_000_000_000L, "-2s")]
    public void GoString_MatchesGo(long nanoseconds, string expected) => GoDuration.FormatGo(nanoseconds).ShouldBe(expected);

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(721 * H, "30d1h")]
    [InlineData(2160 * H, "90d")]
    [InlineData(168 * H, "1w")]
    [InlineData(8760 * H, "1y")]
    [InlineData((90 * S) + (5 * Ms), "1m30s5ms")]
    [InlineData(1 * H, "1h")]
    public void ModelString_MatchesPrometheus(long nanoseconds, string expected) => GoDuration.FormatProm(nanoseconds).ShouldBe(expected);
}
