namespace Verified.Conformance.ReadPath.GoLiteral;

/// <summary>A node of the Go expression text the upstream test cases use for their expected ASTs.</summary>
internal abstract record GoNode;

internal sealed record GoString(string Value) : GoNode;

internal sealed record GoNumber(string Text) : GoNode;

/// <summary>An identifier path such as <c>labels.MatchEqual</c> or <c>nil</c>.</summary>
internal sealed record GoIdent(string Path) : GoNode;

/// <summary>A call <c>f(args)</c>, or a method call when <see cref="Receiver"/> is set.</summary>
internal sealed record GoCall(string Name, IReadOnlyList<GoNode> Args, GoNode? Receiver = null) : GoNode;

/// <summary>A composite literal <c>Type{a, Key: b}</c>; <see cref="Type"/> is null when elided.</summary>
internal sealed record GoComposite(string? Type, IReadOnlyList<(string? Key, GoNode Value)> Elements) : GoNode;

internal sealed record GoProduct(IReadOnlyList<GoNode> Factors) : GoNode;

internal sealed record GoNegate(GoNode Operand) : GoNode;
