using System;

namespace Verified.Generators.Model;

/// <summary>Where in a spec file something is: carried as data so diagnostics survive caching.</summary>
/// <param name="Path">The spec file path as the compiler saw it.</param>
/// <param name="Line">0-based line.</param>
/// <param name="Column">0-based column.</param>
/// <param name="Offset">0-based character offset of the start.</param>
/// <param name="Length">Length in characters (at least 1 where the file is not empty).</param>
/// <param name="EndLine">0-based line of the end.</param>
/// <param name="EndColumn">0-based column of the end.</param>
internal sealed record SourceLocation(string Path, int Line, int Column, int Offset, int Length, int EndLine, int EndColumn)
{
    public static SourceLocation FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    /// <summary>A one-character location.</summary>
    public static SourceLocation Point(string path, int line, int column, int offset) => new(path, line, column, offset, 1, line, column + 1);
}

/// <summary>A diagnostic as data: descriptor ID, message arguments and location.</summary>
internal sealed record DiagnosticInfo(string Id, SourceLocation Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string id, SourceLocation location, params string[] arguments) =>
        new(id, location, arguments.ToEquatableArray());
}

/// <summary>A value of a spec key together with where it was written.</summary>
internal sealed record Located<T>(T Value, SourceLocation Location)
    where T : IEquatable<T>;
