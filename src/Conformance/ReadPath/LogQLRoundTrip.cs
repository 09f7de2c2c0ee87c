using FsCheck;
using FsCheck.Fluent;
using Verified.Reference.Loki.LogQL;

namespace Verified.Conformance.ReadPath;

/// <summary>
/// Printer/parser laws over generated ASTs of the subset (LOKI-READ-6): the printer's text parses back to the same
/// AST, and printing is a fixed point of parsing.
/// </summary>
public static class LogQLRoundTrip
{
    /// <summary>parse(print(ast)) = ast and print(parse(print(ast))) = print(ast), on the reference printer and parser.</summary>
    public static Property Holds() =>
        Prop.ForAll(AstGen.Expr.ToArbitrary(), ast =>
        {
            var text = LogQLPrinter.Print(ast);
            var back = LogQLParser.Parse(text);
            var reprinted = LogQLPrinter.Print(back);
            return (back == ast && reprinted == text).Label($"text: {text}\nexpected: {ast}\nactual:   {back}\nreprinted: {reprinted}");
        });

    /// <summary>The round-trip law over any printer and parser, so the negative controls can run it on broken ones.</summary>
    internal static Property ParseOfPrintIsIdentity(Func<Expr, string> print, Func<string, Expr> parse) =>
        Prop.ForAll(AstGen.Expr.ToArbitrary(), ast =>
        {
            var text = print(ast);
            var back = parse(text);
            return (back == ast).Label($"text: {text}\nexpected: {ast}\nactual:   {back}");
        });

    /// <summary>Printing is a fixed point: print(parse(print(ast))) = print(ast).</summary>
    internal static Property PrintIsAFixedPointOfParse() =>
        Prop.ForAll(AstGen.Expr.ToArbitrary(), ast =>
        {
            var text = LogQLPrinter.Print(ast);
            return (LogQLPrinter.Print(LogQLParser.Parse(text)) == text).Label($"text: {text}");
        });
}
