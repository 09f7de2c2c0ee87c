using FsCheck;
using Shouldly;
using Verified.Conformance;
using Verified.Conformance.Placement;
using Verified.Reference.Loki;
using Verified.Routing;
using Xunit;

namespace Verified.Properties.Tests;

/// <summary>The stream token: LOKI-PLACE-1..3 (and service_name discovery, LOKI-PLACE-12, by example).</summary>
public sealed class TokenPropertiesTests
{
    private static readonly PlacementTarget Target = PlacementTarget.Reference;

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-2", "LOKI-PLACE-3")]
    public Property Token_IsIndependentOfLabelOrderEmptyValuesAndWhitespace() => TokenProperties.IndependentOfLabelOrder(Target);

    [VerifiedProperty]
    [Requirement("LOKI-PLACE-1", "LOKI-PLACE-2")]
    public Property Token_EqualsIndependentFnv1OverTenantAndCanonicalLabels() => TokenProperties.EqualsIndependentFnv1Model(Target);

    [Theory]
    [Requirement("LOKI-PLACE-3")]
    [InlineData("{}", "")]
    [InlineData("{}", "  {  }  ")]
    [InlineData("{a=\"1\", b=\"2\"}", "{b=\"2\",a=\"1\",}")]
    [InlineData("{a=\"1\"}", "{a=\"1\", b=\"\"}")]
    [InlineData("{a=\"1\"}", "{\n\ta = \"1\"\r\n}")]
    public void EquivalentSelectors_HaveTheSameCanonicalStringAndToken(string selector, string equivalent)
    {
        LokiStreams.TokenFor(LokiRouting.Instance, "fake", equivalent).ShouldBe(LokiStreams.TokenFor(LokiRouting.Instance, "fake", selector));
    }

    [Fact]
    [Requirement("LOKI-PLACE-2")]
    public void EmptySelector_IsTheEmptySet()
    {
        LokiStreams.Canonical(LokiRouting.Instance, "").ShouldBe("{}");
        LokiStreams.Canonical(LokiRouting.Instance, "{}").ShouldBe("{}");
    }

    [Fact]
    [Requirement("LOKI-PLACE-1")]
    public void TestTokenForValue_IsFnv1AndNotFnv1a()
    {
        // loki pkg/util/ring/ring_test.go TestTokenFor; LOKI.md §1: FNV-1a would give 640712828.
        LokiRouting.TokenFor("userID", "labels").ShouldBe(2908432762u);
        IndependentModel.Fnv1a("userIDlabels"u8.ToArray()).ShouldBe(640712828u);
    }

    [Fact]
    [Requirement("LOKI-PLACE-1", "LOKI-PLACE-12")]
    public void AppFoo_IsHashedWithItsDiscoveredServiceName()
    {
        // LOKI.md §1 examples (derived): without discovery 25613330; the HTTP path adds service_name first.
        LokiStreams.TokenFor(LokiRouting.Instance, "fake", "{app=\"foo\"}").Token.ShouldBe(25613330u);
        LokiStreams.TokenFor(LokiRouting.Instance, "fake", "{app=\"foo\"}", discoverServiceName: true)
            .ShouldBe((2172855172u, "{app=\"foo\", service_name=\"foo\"}"));
        LokiStreams.Canonical(LokiRouting.Instance, "{}", discoverServiceName: true).ShouldBe("{service_name=\"unknown_service\"}");
    }

    [Fact]
    [Requirement("LOKI-PLACE-2")]
    public void Values_AreQuotedAsGoStrconvQuote()
    {
        LokiStreams.Canonical(LokiRouting.Instance, "{msg=\"say \\\"hi\\\"\\n\", nb=\"\u00a0\"}").ShouldBe("{msg=\"say \\\"hi\\\"\\n\", nb=\"\\u00a0\"}");
    }
}
