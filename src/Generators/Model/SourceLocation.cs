using System;

namespace Verified.Generators.Model;

/// <summary>Where in a spec file something is: carried as data so diagnostics survive caching.</summary>
/// <param name="Path">The spec file path as the compiler saw it.</param>
/// <param name="Line">0-based line.</param>
/// <param name="Column">0-based column.</param>
/// <param name="Offset">0-based character offset of the start.</param>
/// <param name="Length">Length in characters (at least 1 where the file is not empty).</param>
internal sealed record SourceLocation(string Path, int Line, int Column, int Offset, int Length)
{
    public static SourceLocation FileStart(string path) => new(path, 0, 0, 0, 0);
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
