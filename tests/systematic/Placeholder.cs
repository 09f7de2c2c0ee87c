namespace Verified.Systematic.Tests;

internal static class Placeholder
{
}
