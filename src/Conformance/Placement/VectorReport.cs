using System.Text.Json;
using Verified.Conformance.Checks;

namespace Verified.Conformance.Placement;

/// <summary>
/// Collects the assertions of one gold-vector file: every gold field compared, mismatches kept as
/// "case: field expected …, actual …", and an exception inside a case recorded as that case's mismatch.
/// </summary>
internal sealed class VectorReport
{
    private const int Shown = 5;
    private readonly List<string> _mismatches = [];
    private readonly List<string> _notes = [];
    private readonly string _file;

    private VectorReport(string file) => _file = file;

    /// <summary>Assertions made so far.</summary>
    public int Assertions { get; private set; }

    /// <summary>
    /// Reads <paramref name="relativePath"/> under the context's vectors directory and runs <paramref name="body"/> over
    /// it; skips with a reason when the directory or the file is missing.
    /// </summary>
    public static CheckOutcome Run(CheckContext context, string relativePath, Action<JsonElement, VectorReport> body)
    {
        if (context.VectorsDirectory is null)
        {
            return CheckOutcome.Skip($"no gold vectors directory given (expected ../shared/vectors beside the checkout); {relativePath} not checked");
        }

        var path = Path.Combine(context.VectorsDirectory, relativePath);
        if (!File.Exists(path))
        {
            return CheckOutcome.Skip($"gold vector file not found: {path}");
        }

        var report = new VectorReport(relativePath);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            body(document.RootElement, report);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            var where = ex.StackTrace?.Split('\n').FirstOrDefault(line => line.Contains("Verified.", StringComparison.Ordinal))?.Trim();
            report._mismatches.Add($"{relativePath} could not be read as documented: {ex.Message} ({where})");
        }

        return report.ToOutcome();
    }

    /// <summary>Compares one gold field.</summary>
    public void Equal<T>(string caseName, string field, T expected, T actual)
    {
        Assertions++;
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _mismatches.Add($"{caseName}: {field} expected {Format(expected)}, actual {Format(actual)}");
        }
    }

    /// <summary>Compares one gold sequence.</summary>
    public void Sequence<T>(string caseName, string field, IEnumerable<T> expected, IEnumerable<T> actual)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        Equal(caseName, field, "[" + string.Join(",", e) + "]", "[" + string.Join(",", a) + "]");
    }

    /// <summary>Runs one case; an exception becomes that case's mismatch (actual = the exception).</summary>
    public void Case(string caseName, Action body)
    {
        try
        {
            body();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Assertions++;
            _mismatches.Add($"{caseName}: threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>A remark shown in the outcome (e.g. cases deliberately not checked and why).</summary>
    public void Note(string note) => _notes.Add(note);

    private CheckOutcome ToOutcome()
    {
        var notes = _notes.Count == 0 ? "" : "; " + string.Join("; ", _notes);
        if (_mismatches.Count == 0)
        {
            return Assertions == 0
                ? CheckOutcome.Fail($"{_file}: no assertions were made (file layout changed?)")
                : CheckOutcome.Pass($"{_file}: {Assertions} assertions{notes}");
        }

        var first = string.Join(" | ", _mismatches.Take(Shown));
        return CheckOutcome.Fail($"{_file}: {_mismatches.Count} of {Assertions} assertions failed; first: {first}{notes}");
    }

    private static string Format<T>(T value) => value switch
    {
        null => "null",
        string s => Show.Text(s),
        _ => value.ToString() ?? "",
    };
}
