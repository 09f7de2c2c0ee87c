namespace Verified.Ingester.Tests;

/// <summary>Where the build found ../shared/vectors (set from MSBuild; the files are read at test time, never copied).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SharedVectorsDirectoryAttribute(string path) : Attribute
{
    /// <summary>The directory path.</summary>
    public string Path { get; } = path;
}
