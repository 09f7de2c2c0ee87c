using Shouldly;
using Verified.Conformance.ReadPath;
using Verified.Tests.Shared;
using Xunit;

namespace Verified.Query.Tests.Querier;

/// <summary>
/// Every case of querier_interval_vectors.json (loki TestQuerier_buildQueryIntervals), at a fixed "now", through the
/// runner <c>verified check</c> uses (<see cref="ReadPathVectors.QueryIntervalMismatch"/>).
/// </summary>
public sealed class QueryIntervalVectorTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var count = SharedVectors.Load(ReadPathVectors.QueryIntervalFile).GetProperty("cases").GetArrayLength();
        for (var i = 0; i < count; i++)
        {
            foreach (var query in ReadPathVectors.IntervalQueries)
            {
                data.Add(i, query);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Routing_MatchesLoki(int index, string query) =>
        ReadPathVectors.QueryIntervalMismatch(SharedVectors.Load(ReadPathVectors.QueryIntervalFile), index, query).ShouldBeNull();

    [Fact]
    public void AllTwelveRoutingsAreCovered() => Cases().Count.ShouldBe(12);
}
