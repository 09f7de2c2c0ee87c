using FsCheck;
using FsCheck.Fluent;

namespace Verified.Conformance.Placement;

/// <summary>Turns the broken expectations a property found into an FsCheck result that names them.</summary>
internal static class Law
{
    /// <summary>Holds when <paramref name="problems"/> is empty; otherwise fails labelled with the first few.</summary>
    public static Property Holds(IReadOnlyCollection<string> problems) =>
        (problems.Count == 0).Label(problems.Count == 0 ? "holds" : string.Join(" | ", problems.Take(4)));

    /// <summary>Adds "<paramref name="what"/>: expected …, actual …" when the two differ.</summary>
    public static void Expect<T>(this List<string> problems, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            problems.Add($"{what}: expected {expected}, actual {actual}");
        }
    }

    /// <summary>Adds "<paramref name="what"/>: expected […], actual […]" when the sequences differ.</summary>
    public static void ExpectSequence<T>(this List<string> problems, string what, IEnumerable<T> expected, IEnumerable<T> actual)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        if (!e.SequenceEqual(a))
        {
            problems.Add($"{what}: expected [{string.Join(",", e)}], actual [{string.Join(",", a)}]");
        }
    }
}
