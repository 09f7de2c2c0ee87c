using Shouldly;
using Verified.Generators.Tests.TestHelpers;
using Xunit;

namespace Verified.Generators.Tests.Routing;

/// <summary>
/// The generated hash follows the spec's partition.hash: each function of the vocabulary, each encoding and the
/// seed produce what an independent implementation produces (ReferenceHashes, System.IO.Hashing).
/// </summary>
public sealed class HashFunctionTests
{
    // Block-boundary lengths (0–7 bytes), non-ASCII, a non-BMP character, a lone surrogate, and a key longer than
    // the emitted 512-byte stack buffer, so the rented-buffer path runs too.
    private static readonly string[] _keys =
        ["", "a", "ab", "abc", "abcd", "abcde", "hello", "{app=\"api\", env=\"prod\"}", "é漢字", "😀", "x\ud800y", new string('k', 300)];

    private static readonly Lazy<GeneratedAssembly> _assembly = new(() =>
    {
        var run = GeneratorHarness.Run(
            SpecTexts.File(SpecTexts.LokiPath),
            SpecTexts.File(SpecTexts.ElasticsearchPath),
            VariantSpec.Over("loki", "loki-fnv1a", "LokiFnv1aRouting", "partition:\n  hash:\n    function: fnv1a-32"),
            VariantSpec.Over("loki", "loki-fnv1-utf16", "LokiFnv1Utf16Routing", "partition:\n  hash:\n    encoding: utf16le"),
            VariantSpec.Over("loki", "loki-murmur-utf8", "LokiMurmurUtf8Routing", "partition:\n  hash:\n    function: murmur3-x86-32\n    seed: 7"),
            VariantSpec.Over("loki", "loki-xx-0", "LokiXx0Routing", "partition:\n  hash:\n    function: xxhash64"),
            VariantSpec.Over("loki", "loki-xx-big", "LokiXxBigRouting", "partition:\n  hash:\n    function: xxhash64\n    seed: 5000000000"),
            VariantSpec.Over("loki", "loki-xx-max", "LokiXxMaxRouting", "partition:\n  hash:\n    function: xxhash64\n    seed: 18446744073709551615"),
            VariantSpec.Over("elasticsearch", "es-seed", "EsSeedRouting", "partition:\n  hash:\n    seed: 42"));
        run.Diagnostics.ShouldBeEmpty(DiagnosticExtensions.Describe(run));
        return GeneratedAssembly.LoadAsConsumer(run);
    });

    private static GeneratedAssembly Generated => _assembly.Value;

    [Fact]
    public void Loki_TokenFor_IsTheGoldFnv1Value()
    {
        // loki pkg/util/ring/ring_test.go TestTokenFor: TokenFor("userID", "labels") == 2908432762.
        Generated.Call<uint>("LokiRouting", "TokenFor", "userID", "labels").ShouldBe(2908432762u);
    }

    [Fact]
    public void Loki_TokenFor_IsFnv1OverTenantThenLabelsInUtf8()
    {
        foreach (var key in _keys)
        {
            Generated.Call<uint>("LokiRouting", "TokenFor", "tenant-1", key).ShouldBe(ReferenceHashes.Fnv1(ReferenceHashes.Utf8("tenant-1" + key)), key);
        }
    }

    [Fact]
    public void SpecChangingOnlyTheFunctionToFnv1a_HashesWithFnv1a()
    {
        Generated.Call<uint>("LokiFnv1aRouting", "TokenFor", "userID", "labels").ShouldBe(640712828u);
        foreach (var key in _keys)
        {
            Generated.Call<uint>("LokiFnv1aRouting", "TokenFor", "t", key).ShouldBe(ReferenceHashes.Fnv1a(ReferenceHashes.Utf8("t" + key)), key);
        }
    }

    [Fact]
    public void Utf16Encoding_OfTwoKeyParts_HashesTheirCodeUnitsBackToBack()
    {
        foreach (var key in _keys)
        {
            Generated.Call<uint>("LokiFnv1Utf16Routing", "TokenFor", "tenant", key).ShouldBe(ReferenceHashes.Fnv1(ReferenceHashes.Utf16Le("tenant" + key)), key);
        }
    }

    [Fact]
    public void Murmur3WithSeedOverUtf8_MatchesTheReferenceMurmur3()
    {
        foreach (var key in _keys)
        {
            Generated.Call<uint>("LokiMurmurUtf8Routing", "TokenFor", "t", key).ShouldBe(ReferenceHashes.Murmur3X86(ReferenceHashes.Utf8("t" + key), 7), key);
        }
    }

    [Theory]
    [InlineData("LokiXx0Routing", 0L)]
    [InlineData("LokiXxBigRouting", 5000000000L)]
    [InlineData("LokiXxMaxRouting", -1L)] // seed 2^64-1 is the same 64 bits as -1
    public void XxHash64_IsTheLow32BitsOfSystemIOHashing(string className, long seed)
    {
        foreach (var key in _keys)
        {
            Generated.Call<uint>(className, "TokenFor", "userID", key).ShouldBe(ReferenceHashes.XxHash64Low32(ReferenceHashes.Utf8("userID" + key), seed), key);
        }
    }

    [Fact]
    public void Elasticsearch_Hash_OfHello_IsTheGoldSignedMurmur3()
    {
        // Elasticsearch Murmur3HashFunctionTests: hash("hello") == -675079799 (UTF-16LE code units, seed 0, Java int).
        Generated.Call<int>("ElasticsearchRouting", "Hash", "hello").ShouldBe(-675079799);
    }

    [Fact]
    public void Elasticsearch_Hash_IsSignedMurmur3OverUtf16CodeUnits()
    {
        foreach (var key in _keys)
        {
            Generated.Call<int>("ElasticsearchRouting", "Hash", key).ShouldBe(unchecked((int)ReferenceHashes.Murmur3X86(ReferenceHashes.Utf16Le(key), 0)), key);
        }
    }

    [Fact]
    public void Murmur3Seed_FromTheSpec_IsUsed()
    {
        foreach (var key in _keys)
        {
            Generated.Call<int>("EsSeedRouting", "Hash", key).ShouldBe(unchecked((int)ReferenceHashes.Murmur3X86(ReferenceHashes.Utf16Le(key), 42)), key);
        }

        Generated.Call<int>("EsSeedRouting", "Hash", "hello").ShouldNotBe(-675079799);
    }
}
