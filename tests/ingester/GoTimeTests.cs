using Shouldly;
using Verified.Reference.Loki.Ingester;
using Xunit;

namespace Verified.Ingester.Tests;

/// <summary>Go's time printing as the ingester's error bodies need it.</summary>
public sealed class GoTimeTests
{
    [Theory]
    [InlineData(0L, "1970-01-01 00:00:00 +0000 UTC")]
    [InlineData(100_000_000_000L, "1970-01-01 00:01:40 +0000 UTC")]
    [InlineData(1_500_000_000L, "1970-01-01 00:00:01.5 +0000 UTC")]
    [InlineData(1_000_000_001L, "1970-01-01 00:00:01.000000001 +0000 UTC")]
    [InlineData(-1L, "1969-12-31 23:59:59.999999999 +0000 UTC")]
    [InlineData(946_684_800_123_000_000L, "2000-01-01 00:00:00.123 +0000 UTC")]
    public void String_IsGoTimeString(long unixNs, string expected) => GoTime.String(unixNs).ShouldBe(expected);

    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00Z")]
    [InlineData(100_000_000_000L, "1970-01-01T00:01:40Z")]
    [InlineData(1_999_999_999L, "1970-01-01T00:00:01Z")]
    [InlineData(-1L, "1969-12-31T23:59:59Z")]
    public void Rfc3339_HasWholeSecondsAndZ(long unixNs, string expected) => GoTime.Rfc3339(unixNs).ShouldBe(expected);
}
