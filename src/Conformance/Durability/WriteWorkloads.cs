using FsCheck;
using FsCheck.Fluent;

namespace Verified.Conformance.Durability;

/// <summary>FsCheck generators of write workloads: many tenants and streams, in and out of order, duplicates, crashes, flushes.</summary>
public static class WriteWorkloads
{
    /// <summary>Tenants a workload writes (tenant-0 …).</summary>
    public const int Tenants = 3;

    /// <summary>Streams per tenant (s0 …).</summary>
    public const int Streams = 5;

    /// <summary>One operation; pushes dominate.</summary>
    public static Gen<WriteOperation> Operations { get; } = Gen.Frequency(
        (12, from tenant in Gen.Choose(0, Tenants - 1)
             from stream in Gen.Choose(0, Streams - 1)
             from count in Gen.Choose(1, 4)
             from back in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 300)))
             from repeat in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
             select (WriteOperation)new WriteOperation.Push(tenant, stream, count, back, repeat)),
        (2, Gen.Choose(0, 2).Select(i => (WriteOperation)new WriteOperation.Crash(i))),
        (2, Gen.Constant((WriteOperation)new WriteOperation.RestartAll())),
        (2, Gen.Constant((WriteOperation)new WriteOperation.Flush())),
        (1, Gen.Choose(1, 3).Select(n => (WriteOperation)new WriteOperation.FailStorePuts(n))),
        (2, from i in Gen.Choose(0, 2) from n in Gen.Choose(1, 3) select (WriteOperation)new WriteOperation.DropRequests(i, n)),
        (2, Gen.Choose(1, 900).Select(s => (WriteOperation)new WriteOperation.Advance(s))));

    /// <summary>A workload of 1–40 operations; shrinking drops operations.</summary>
    public static Arbitrary<WriteOperation[]> Workloads { get; } =
        Arb.From(Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Operations, n)), Shrink);

    /// <summary>
    /// Write operations mixed with log queries, and clock moves of hours, so entries cross query_ingesters_within
    /// (3h) while still unflushed.
    /// </summary>
    public static Gen<WriteOperation> ReadOperations { get; } = Gen.Frequency(
        (10, Operations),
        (4, from tenant in Gen.Choose(0, Tenants - 1)
            from selector in Gen.Choose(0, 3)
            from a in Gen.Choose(0, 1000)
            from b in Gen.Choose(0, 1000)
            from backward in Gen.Elements(false, true)
            from limit in Gen.Elements(1, 2, 5, 20, 1000)
            select (WriteOperation)new WriteOperation.Query(tenant, selector, a, b, backward, limit)),
        (1, Gen.Choose(1, 5).Select(h => (WriteOperation)new WriteOperation.Advance(h * 3600))));

    /// <summary>A read workload of 1–40 operations; shrinking drops operations.</summary>
    public static Arbitrary<WriteOperation[]> ReadWorkloads { get; } =
        Arb.From(Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(ReadOperations, n)), Shrink);

    private static IEnumerable<WriteOperation[]> Shrink(WriteOperation[] operations)
    {
        for (var i = 0; i < operations.Length; i++)
        {
            yield return [.. operations.Take(i), .. operations.Skip(i + 1)];
        }
    }
}
