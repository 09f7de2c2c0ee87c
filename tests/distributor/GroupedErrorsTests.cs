using Shouldly;
using Verified.Reference.Loki.Distributor;
using Xunit;

namespace Verified.Distributor.Tests;

/// <summary>GroupedErrors rendering (loki pkg/util/errors/errors.go) and our chosen group order.</summary>
public sealed class GroupedErrorsTests
{
    [Fact]
    public void OneMessageOnce_IsWrittenBare()
    {
        var errors = new GroupedErrors();
        errors.Add("boom");
        errors.ToString().ShouldBe("boom");
    }

    [Fact]
    public void OneMessageTwice_IsCounted()
    {
        var errors = new GroupedErrors();
        errors.Add("boom");
        errors.Add("boom");
        errors.ToString().ShouldBe("2 errors like: boom");
    }

    [Fact]
    [Trait("Flaw", nameof(DistributorFlaw.RandomErrorGroupOrder))]
    public void TwoMessages_AreEachCountedEvenOnce_InFirstOccurrenceOrder()
    {
        var errors = new GroupedErrors();
        errors.Add("b");
        errors.Add("a");
        errors.Add("b");
        errors.ToString().ShouldBe("2 errors like: b; 1 errors like: a");
        errors.Count.ShouldBe(3);
    }

    [Fact]
    public void Nothing_IsEmpty() => new GroupedErrors().ToString().ShouldBeEmpty();

    [Fact]
    public void Parse_SplitsGroupsButNotMessagesContainingTheSeparator()
    {
        var errors = new GroupedErrors();
        errors.Add("entry for stream '{a=\"1\"}' has 16 label names; limit 15");
        errors.Add("x");
        errors.Add("x");
        GroupedErrors.Parse(errors.ToString()).ShouldBe([("entry for stream '{a=\"1\"}' has 16 label names; limit 15", 1), ("x", 2)]);
        GroupedErrors.Parse("has 16 label names; limit 15").ShouldBe([("has 16 label names; limit 15", 1)]);
    }
}
