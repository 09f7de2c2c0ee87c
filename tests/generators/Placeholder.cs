namespace Verified.Generators.Tests;

internal static class Placeholder
{
}
