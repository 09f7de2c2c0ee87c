using Shouldly;
using Verified.Reference.Loki.Distributor;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>Go's RFC3339 printing of Unix nanoseconds, in UTC.</summary>
public sealed class ValidationMessagesTests
{
    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00Z")]
    [InlineData(999_999_999L, "1970-01-01T00:00:00Z")] // the fraction is dropped
    [InlineData(-1L, "1969-12-31T23:59:59Z")] // towards the past, as Go's time.Unix normalises
    [InlineData(1_704_067_200_000_000_000L, "2024-01-01T00:00:00Z")]
    public void Rfc3339_DropsTheFractionAndPrintsUtc(long ns, string expected) => ValidationMessages.Rfc3339(ns).ShouldBe(expected);

    [Fact]
    public void BlockedIngestion_PrintsTheUntilTimeInUtc() =>
        ValidationMessages.BlockedIngestion("t", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), 260)
            .ShouldBe("ingestion blocked for user 't' until '2030-01-02T01:04:05Z' with status code '260'");
}
