using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Verified.Generators.Tests.TestHelpers;

/// <summary>
/// Compiles generated sources into an in-memory assembly and loads it, so tests can call the generated
/// members. Each compilation loads into its own collectible context: two runs may emit the same type names.
/// </summary>
internal sealed class GeneratedAssembly
{
    private static int _counter;

    private GeneratedAssembly(Assembly assembly) => Assembly = assembly;

    public Assembly Assembly { get; }

    /// <summary>
    /// The consumer's settings (src/Reference): nullable on, unsafe allowed — the emitted key hashers use
    /// [SkipLocalsInit], which the compiler only accepts with /unsafe.
    /// </summary>
    public static CSharpCompilation Compilation(IEnumerable<string> sources, bool allowUnsafe = true)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"Generated{i}.cs"));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: allowUnsafe);
        var name = "Verified.Generated" + Interlocked.Increment(ref _counter);
        return CSharpCompilation.Create(name, trees, References.All, options);
    }

    /// <summary>Errors (and warnings) of compiling <paramref name="sources"/>, without emitting.</summary>
    public static ImmutableArray<Diagnostic> Diagnose(IEnumerable<string> sources, bool allowUnsafe = true) =>
        Compilation(sources, allowUnsafe).GetDiagnostics();

    /// <summary>Compiles and loads; fails the test with the compiler's messages if the code does not compile.</summary>
    public static GeneratedAssembly Load(IEnumerable<string> sources)
    {
        using var stream = new MemoryStream();
        EmitResult result = Compilation(sources).Emit(stream);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("generated code does not compile:\n" + string.Join("\n", errors));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        return new GeneratedAssembly(context.LoadFromStream(stream));
    }

    /// <summary>
    /// The global usings the .NET SDK adds to a project with ImplicitUsings on, as src/Reference has. Only the
    /// tests about what the code computes compile with them; whether the code compiles without them is
    /// GeneratedCodeCompilesTests' question.
    /// </summary>
    public const string ConsumerImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Compiles the run's output as src/Reference does (with its implicit usings) plus <paramref name="extraSources"/>, and loads it.</summary>
    public static GeneratedAssembly LoadAsConsumer(GeneratorRun run, params string[] extraSources) =>
        Load(run.Sources.Select(s => s.Text).Append(ConsumerImplicitUsings).Concat(extraSources));

    public Type Type(string fullName) =>
        Assembly.GetType(fullName, throwOnError: false) ?? throw new InvalidOperationException($"no generated type {fullName}");

    /// <summary>Calls a public static method of a generated class (in namespace Verified.Routing).</summary>
    public object? Call(string className, string method, params object?[] arguments)
    {
        var type = Type("Verified.Routing." + className);
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == method && m.GetParameters().Length == arguments.Length).ToList();
        if (candidates.Count != 1)
        {
            throw new InvalidOperationException($"{className}.{method} with {arguments.Length} argument(s): found {candidates.Count}");
        }

        return candidates[0].Invoke(null, arguments);
    }

    public T Call<T>(string className, string method, params object?[] arguments) => (T)Call(className, method, arguments)!;

    /// <summary>Reads a public static field, constant or (instance) property of the singleton.</summary>
    public object? Get(string className, string member)
    {
        var type = Type("Verified.Routing." + className);
        if (type.GetField(member, BindingFlags.Public | BindingFlags.Static) is { } field)
        {
            return field.GetValue(null);
        }

        var instance = type.GetField("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        var property = type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance) ?? throw new InvalidOperationException($"no member {className}.{member}");
        return property.GetValue(instance);
    }

    public T Get<T>(string className, string member) => (T)Get(className, member)!;
}
