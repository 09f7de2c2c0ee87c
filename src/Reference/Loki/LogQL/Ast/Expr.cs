namespace Verified.Reference.Loki.LogQL;

/// <summary>A parsed LogQL expression (loki pkg/logql/syntax ast.go Expr). Records compare structurally.</summary>
public abstract record Expr
{
    /// <summary>Loki's String() rendering (see <see cref="LogQLPrinter"/>).</summary>
    public sealed override string ToString() => LogQLPrinter.Print(this);
}

/// <summary>A log query: a stream selector, optionally followed by a pipeline.</summary>
public abstract record LogSelectorExpr : Expr
{
    /// <summary>The stream matchers, in source order.</summary>
    public abstract ValueList<LabelMatcher> Matchers { get; }
}

/// <summary>A metric query (Loki's SampleExpr).</summary>
public abstract record SampleExpr : Expr;
