using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Diagnostics;

/// <summary>VSPEC007: a name used but never declared (a state, an operation), reported where it is used.</summary>
public sealed class Vspec007UnknownReferenceTests
{
    [Fact]
    public void OperationNamingAnUndeclaredState_PointsAtTheName()
    {
        var variant = VariantSpec.Over("loki", "loki-op", "LokiOpRouting", "placement:\n  operations:\n    Write: { healthy: [ACTIVE, ACTIV] }");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC007");
        d.Message().ShouldBe("'ACTIV' in 'placement.operations.Write.healthy' is not declared; declared: ACTIVE, LEAVING, PENDING, JOINING, LEFT");
        d.ShouldPointAt(variant.Path, line: 7, column: 32);
        d.SpanText(variant.GetText().ToString()).ShouldBe("ACTIV");
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit("LokiOpRouting");
        run.ShouldEmit("LokiRouting");
    }

    [Fact]
    public void UndeclaredDistributorOperation_PointsAtTheName()
    {
        var variant = VariantSpec.Over("loki", "loki-op", "LokiOpRouting", "placement:\n  distributor_operation: WriteFast");
        var run = GeneratorHarness.Run(SpecTexts.File(SpecTexts.LokiPath), variant);

        var d = run.ShouldHaveSingle("VSPEC007");
        d.Message().ShouldBe("'WriteFast' in 'placement.distributor_operation' is not declared; declared: Write, WriteNoExtend, Read, Reporting");
        d.ShouldPointAt(variant.Path, line: 6, column: 26);
        run.ShouldNotEmit("LokiOpRouting");
    }

    [Fact]
    public void InitialLifecycleStateNoTransitionMentions_PointsAtIt()
    {
        var run = GeneratorHarness.Run(MiniSpec.File(MiniSpec.With("initial: A", "initial: Z")));

        var d = run.ShouldHaveSingle("VSPEC007");
        d.Message().ShouldBe("'Z' in 'lifecycle.initial' is not declared; declared: A, B");
        d.ShouldPointAt(MiniSpec.Path, line: 22, column: 12);
        run.Diagnostics.Length.ShouldBe(1);
        run.ShouldNotEmit(MiniSpec.ClassName);
    }
}
