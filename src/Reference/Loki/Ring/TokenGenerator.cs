namespace Verified.Reference.Loki.Ring;

/// <summary>
/// dskit's RandomTokenGenerator with the randomness injected: draw uniform uint32 tokens, skip any already
/// taken (by this instance or another), return them sorted. Seeded, so a ring is reproducible — which real
/// dskit rings are not (they seed from the clock), hence the oracle takes tokens as input.
/// </summary>
public sealed class TokenGenerator
{
    private readonly Random _random;

    /// <summary>Creates a generator over <paramref name="random"/> (pass a seeded one).</summary>
    public TokenGenerator(Random random) => _random = random;

    /// <summary><paramref name="count"/> new unique tokens not in <paramref name="taken"/>, sorted ascending.</summary>
    public uint[] Generate(int count, IReadOnlySet<uint> taken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if ((ulong)count + (ulong)taken.Count > (1UL << 32))
        {
            throw new ArgumentOutOfRangeException(nameof(count), "not enough free tokens in the 32-bit token space");
        }

        var used = new HashSet<uint>(taken);
        var result = new uint[count];
        for (var i = 0; i < count;)
        {
            var candidate = (uint)_random.NextInt64(0, 1L << 32);
            if (used.Add(candidate))
            {
                result[i++] = candidate;
            }
        }

        Array.Sort(result);
        return result;
    }
}
