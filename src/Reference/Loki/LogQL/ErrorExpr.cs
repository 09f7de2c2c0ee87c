namespace Verified.Reference.Loki.LogQL;

/// <summary>
/// A node Loki builds with an error inside (ast.go keeps <c>err</c> on the node and drops its children);
/// the error surfaces only after a successful parse, in a pre-order walk (parser.go validateSampleExpr).
/// Never escapes the parser.
/// </summary>
/// <param name="Message">The error text.</param>
/// <param name="FromLiteral">True for a literal whose number failed to parse (binary operations check it first).</param>
internal sealed record ErrorExpr(string Message, bool FromLiteral) : SampleExpr;
