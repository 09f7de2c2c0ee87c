using Shouldly;
using Verified.Reference.Storage;
using Xunit;

namespace Verified.Simulation.Tests;

/// <summary>
/// dskit tenant.ValidTenantID (grafana/dskit tenant/tenant.go): allowed bytes a-z A-Z 0-9 ! - _ . * ' ( ); at most
/// 150 bytes; not "." or ".."; checked in that order, with dskit's texts.
/// </summary>
public sealed class TenantIdsTests
{
    [Theory]
    [InlineData("fake")]
    [InlineData("")]
    [InlineData("Tenant-1_a.b*c'd(e)!f")]
    [InlineData("...")]
    [InlineData(".a")]
    public void AllowedTenants_AreValid(string tenant) => TenantIds.Validate(tenant).ShouldBeNull();

    [Theory]
    [InlineData("../x", "tenant ID '../x' contains unsupported character '/'")]
    [InlineData("a/b", "tenant ID 'a/b' contains unsupported character '/'")]
    [InlineData("/etc/passwd", "tenant ID '/etc/passwd' contains unsupported character '/'")]
    [InlineData("C:\\x", "tenant ID 'C:\\x' contains unsupported character ':'")]
    [InlineData("a b", "tenant ID 'a b' contains unsupported character ' '")]
    [InlineData("a|b", "tenant ID 'a|b' contains unsupported character '|'")]
    [InlineData("a\nb", "tenant ID 'a\nb' contains unsupported character '\n'")]
    [InlineData("a\0b", "tenant ID 'a\0b' contains unsupported character '\0'")]
    [InlineData(".", "tenant ID is '.' or '..'")]
    [InlineData("..", "tenant ID is '.' or '..'")]
    public void RefusedTenants_GetDskitsText(string tenant, string error) => TenantIds.Validate(tenant).ShouldBe(error);

    [Fact]
    public void NonAsciiCharacter_IsReportedAsItsFirstUtf8Byte_AsGoPrintsIt()
    {
        // Go: fmt.Sprintf("%c", s[pos]) formats the byte 0xC3 as the rune U+00C3.
        TenantIds.Validate("é").ShouldBe("tenant ID 'é' contains unsupported character '\u00c3'");
    }

    [Fact]
    public void Length_IsCountedInBytes_AndCheckedAfterCharacters()
    {
        TenantIds.Validate(new string('a', 150)).ShouldBeNull();
        TenantIds.Validate(new string('a', 151)).ShouldBe("tenant ID is too long: max 150 characters");
        TenantIds.Validate(new string('a', 151) + "/").ShouldBe($"tenant ID '{new string('a', 151)}/' contains unsupported character '/'");
    }
}
